using CentralCount.Adjudication.Accounts;

namespace CentralCount.Adjudication.Store;

/// <summary>A board: its name, its size (a majority is of this many) and its members.</summary>
public sealed record Board(string Id, int Size, IReadOnlyList<string> Members);

/// <summary>Boards as the administrator sets them up: each member sits on one board at a time.</summary>
public sealed class BoardRoster(BoardDatabase db)
{
    public const int DefaultSize = 3;

    public Board Create(string id, IReadOnlyList<string> members, string by)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(members);
        id = id.Trim();
        if (id.Length is 0 or > 40)
        {
            throw new BoardException("a board needs a name of 1-40 characters");
        }

        var distinct = members.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            throw new BoardException($"board {id}: name its members (three by default)");
        }

        return db.Write(sql =>
        {
            if (sql.Scalar("SELECT 1 FROM boards WHERE id = $id", ("$id", id)) is not null)
            {
                throw new BoardException($"board {id} already exists");
            }

            foreach (var m in distinct)
            {
                var account = AccountStore.Find(sql, m) ?? throw new BoardException($"board {id}: no account named {m}");
                if (account.Role != Role.Member)
                {
                    throw new BoardException($"board {id}: {m} is an {account.Role.Name()}, not a board member");
                }

                if (account.BoardId is { } other)
                {
                    throw new BoardException($"board {id}: {m} already sits on board {other}");
                }
            }

            sql.Execute("INSERT INTO boards (id, size, created_at) VALUES ($id, $n, $at)", ("$id", id), ("$n", distinct.Count), ("$at", db.Now()));
            foreach (var m in distinct)
            {
                sql.Execute("INSERT INTO board_members (account, board_id) VALUES ($a, $b)", ("$a", m), ("$b", id));
            }

            sql.Audit("board-created", $"{id}: {string.Join(", ", distinct)} (majority {Decisions.DecideByMajority.Majority(distinct.Count)} of {distinct.Count}) by {by}");
            return new Board(id, distinct.Count, distinct);
        });
    }

    public IReadOnlyList<Board> All() => db.Read(sql =>
    {
        var members = sql.Rows("SELECT board_id, account FROM board_members ORDER BY account", r => (Board: r.GetString(0), Account: r.GetString(1)))
            .ToLookup(m => m.Board, m => m.Account);
        return sql.Rows("SELECT id, size FROM boards ORDER BY id", r => new Board(r.GetString(0), r.GetInt32(1), [.. members[r.GetString(0)]]));
    });

    public Board? Find(string id) => All().FirstOrDefault(b => b.Id == id);
}
