using CentralCount.Adjudication.Accounts;
using CentralCount.Adjudication.Decisions;
using CentralCount.Adjudication.Queue;
using CentralCount.ScanPipeline.Pipeline;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.Adjudication.Store;

/// <summary>
/// The board queue: every contest the machine sent to the board, in scan order. A board takes an
/// item when its first member reaches it; its other members then get the same item, each deciding
/// on their own, and no other board sees it. An item leaves the queue when its board settles it.
/// </summary>
public sealed class QueueStore(BoardDatabase db)
{
    private const string ItemColumns = """
        SELECT s.id, c.contest_id, s.batch_id, s.seq, s.front_file, s.back_file, s.style_id, c.clause, c.suggested_outcome, c.suggested_votes,
               s.reading, s.front_image, s.back_image, k.board_id,
               (SELECT count(*) FROM board_decisions d WHERE d.sheet_id = s.id AND d.contest_id = c.contest_id), a.outcome, a.votes
        FROM contest_results c JOIN sheets s ON s.id = c.sheet_id
        LEFT JOIN board_claims k ON k.sheet_id = c.sheet_id AND k.contest_id = c.contest_id
        LEFT JOIN adjudications a ON a.sheet_id = c.sheet_id AND a.contest_id = c.contest_id
        """;

    private const string Filters = " AND ($clause IS NULL OR c.clause = $clause) AND ($contest IS NULL OR c.contest_id = $contest) AND ($batch IS NULL OR s.batch_id = $batch)";

    /// <summary>The next item for a member: one their board has taken that they have not decided, else the next free one, which their board then takes.</summary>
    public QueueItem? Next(Account member, QueueFilter filter)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(filter);
        if (member.Role != Role.Member || member.BoardId is null)
        {
            throw new BoardException($"{member.Name} does not sit on a board; the administrator assigns members to boards");
        }

        return db.Write(sql =>
        {
            var parameters = new (string, object?)[] { ("$board", member.BoardId), ("$me", member.Name), ("$clause", filter.Clause), ("$contest", filter.ContestId), ("$batch", filter.BatchId) };
            var key = sql.Rows("""
                SELECT c.sheet_id, c.contest_id FROM board_claims k
                JOIN contest_results c ON c.sheet_id = k.sheet_id AND c.contest_id = k.contest_id
                JOIN sheets s ON s.id = c.sheet_id
                LEFT JOIN adjudications a ON a.sheet_id = k.sheet_id AND a.contest_id = k.contest_id
                WHERE k.board_id = $board AND a.sheet_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM board_decisions d WHERE d.sheet_id = k.sheet_id AND d.contest_id = k.contest_id AND d.account = $me)
                """ + Filters + " ORDER BY k.claimed_at, k.sheet_id, k.contest_id LIMIT 1", Key, parameters).FirstOrDefault();
            if (key.ContestId is null)
            {
                key = sql.Rows("""
                    SELECT c.sheet_id, c.contest_id FROM contest_results c JOIN sheets s ON s.id = c.sheet_id
                    LEFT JOIN board_claims k ON k.sheet_id = c.sheet_id AND k.contest_id = c.contest_id
                    WHERE c.outcome = 'board' AND s.status = 'counted' AND k.sheet_id IS NULL
                    """ + Filters + " ORDER BY c.sheet_id, c.contest_id LIMIT 1", Key, parameters).FirstOrDefault();
                if (key.ContestId is null)
                {
                    return null;
                }

                sql.Execute("INSERT INTO board_claims (sheet_id, contest_id, board_id, claimed_at) VALUES ($s, $c, $b, $at)",
                    ("$s", key.SheetId), ("$c", key.ContestId), ("$b", member.BoardId), ("$at", db.Now()));
            }

            return Item(sql, key);
        });
    }

    public QueueItem? Find(ItemKey key) => db.Read(sql => Item(sql, key));

    /// <summary>Items in scan order for an overview (observers, administrators): pending or settled, newest settled first when asked.</summary>
    public IReadOnlyList<QueueItem> List(QueueFilter filter, bool settled, int limit) => db.Read(sql => sql.Rows(
        ItemColumns + " WHERE c.outcome = 'board' AND s.status = 'counted' AND a.sheet_id IS " + (settled ? "NOT NULL" : "NULL") + Filters +
        (settled ? " ORDER BY a.decided_at DESC" : " ORDER BY c.sheet_id, c.contest_id") + " LIMIT $limit",
        Row, ("$clause", filter.Clause), ("$contest", filter.ContestId), ("$batch", filter.BatchId), ("$limit", limit)));

    public QueueProgress Progress() => db.Read(sql =>
    {
        var total = Count(sql, "SELECT count(*) FROM contest_results c JOIN sheets s ON s.id = c.sheet_id WHERE c.outcome = 'board' AND s.status = 'counted'");
        var decided = Count(sql, "SELECT count(*) FROM adjudications a JOIN contest_results c ON c.sheet_id = a.sheet_id AND c.contest_id = a.contest_id");
        var claimed = Count(sql, "SELECT count(*) FROM board_claims k JOIN contest_results c ON c.sheet_id = k.sheet_id AND c.contest_id = k.contest_id");
        var members = sql.Rows("SELECT board_id, account FROM board_members ORDER BY account", r => (Board: r.GetString(0), Account: r.GetString(1))).ToLookup(m => m.Board, m => m.Account);
        var boards = sql.Rows("SELECT id, size FROM boards ORDER BY id", r => (Id: r.GetString(0), Size: r.GetInt32(1)));
        return new QueueProgress(total, decided, total - claimed, [.. boards.Select(b =>
        {
            var done = Count(sql, "SELECT count(*) FROM adjudications WHERE board_id = $b", ("$b", b.Id));
            var open = Count(sql, "SELECT count(*) FROM board_claims k LEFT JOIN adjudications a ON a.sheet_id = k.sheet_id AND a.contest_id = k.contest_id WHERE k.board_id = $b AND a.sheet_id IS NULL", ("$b", b.Id));
            var waiting = members[b.Id].ToDictionary(m => m, m => Count(sql, """
                SELECT count(*) FROM board_claims k LEFT JOIN adjudications a ON a.sheet_id = k.sheet_id AND a.contest_id = k.contest_id
                WHERE k.board_id = $b AND a.sheet_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM board_decisions d WHERE d.sheet_id = k.sheet_id AND d.contest_id = k.contest_id AND d.account = $m)
                """, ("$b", b.Id), ("$m", m)), StringComparer.Ordinal);
            return new BoardProgress(b.Id, b.Size, [.. members[b.Id]], done, open, waiting);
        })]);
    });

    /// <summary>The clauses, contests and batches that still have items waiting, for the filters.</summary>
    public (IReadOnlyList<string> Clauses, IReadOnlyList<string> Contests, IReadOnlyList<string> Batches) FilterChoices() => db.Read(sql =>
    {
        const string Waiting = """
            FROM contest_results c JOIN sheets s ON s.id = c.sheet_id
            LEFT JOIN adjudications a ON a.sheet_id = c.sheet_id AND a.contest_id = c.contest_id
            WHERE c.outcome = 'board' AND s.status = 'counted' AND a.sheet_id IS NULL
            """;
        return ((IReadOnlyList<string>)sql.Rows("SELECT DISTINCT c.clause " + Waiting + " AND c.clause IS NOT NULL ORDER BY c.clause", r => r.GetString(0)),
            sql.Rows("SELECT DISTINCT c.contest_id " + Waiting + " ORDER BY c.contest_id", r => r.GetString(0)),
            sql.Rows("SELECT DISTINCT s.batch_id " + Waiting + " ORDER BY s.batch_id", r => r.GetString(0)));
    });

    internal static QueueItem? Item(BoardDatabase.Sql sql, ItemKey key) =>
        sql.Rows(ItemColumns + " WHERE c.sheet_id = $s AND c.contest_id = $c AND c.outcome = 'board'", Row, ("$s", key.SheetId), ("$c", key.ContestId)).FirstOrDefault();

    private static int Count(BoardDatabase.Sql sql, string query, params (string, object?)[] parameters) =>
        Convert.ToInt32(sql.Scalar(query, parameters), System.Globalization.CultureInfo.InvariantCulture);

    private static ItemKey Key(Microsoft.Data.Sqlite.SqliteDataReader r) => new(r.GetInt64(0), r.GetString(1));

    private static QueueItem Row(Microsoft.Data.Sqlite.SqliteDataReader r)
    {
        var contest = r.GetString(1);
        return new QueueItem(
            new ItemKey(r.GetInt64(0), contest), r.GetString(2), r.GetInt32(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
            r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), StoredVotes.Split(r.IsDBNull(9) ? null : r.GetString(9)),
            r.IsDBNull(10) ? [] : ReadPosition.Parse(r.GetString(10), contest), [r.IsDBNull(11) ? null : r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12)],
            r.IsDBNull(13) ? null : r.GetString(13), r.GetInt32(14), r.IsDBNull(15) ? null : BoardOutcome.Parse(r.GetString(15), StoredVotes.Split(r.GetString(16))));
    }

}
