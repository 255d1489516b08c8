using System.Text.Json;
using CentralCount.Adjudication.Accounts;
using CentralCount.Adjudication.Decisions;
using CentralCount.Adjudication.Queue;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.Adjudication.Store;

/// <summary>A decision that cannot be taken again: the member already decided, or the board already settled the contest.</summary>
public sealed class DecisionConflictException(string message) : Exception(message);

/// <summary>A member's decision as recorded, and the board's outcome when this decision settled the contest.</summary>
public sealed record DecisionResult(ResolvedChoice Member, BoardOutcome? Settled, IReadOnlyList<string> SettledBy);

/// <summary>
/// Records each member's decision on its own, and settles the contest by majority in the same
/// transaction (ARM 44.3.2402(1)). A member decides a contest once; a settled contest takes no
/// more decisions. The audit log says who decided what item when, never the votes.
/// </summary>
public sealed class DecisionStore(BoardDatabase db)
{
    public DecisionResult Record(Account member, ItemKey key, MemberChoice choice)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(choice);
        if (member.Role != Role.Member || member.BoardId is null)
        {
            throw new BoardException($"{member.Name} is not a member of a board and cannot decide questionable votes");
        }

        var contest = db.Election.Contests.FirstOrDefault(c => c.Id == key.ContestId) ?? throw new BoardException($"no contest {key.ContestId} in this election");
        var resolved = ResolveChoice.For(contest, choice);
        return db.Write(sql =>
        {
            var item = QueueStore.Item(sql, key) ?? throw new BoardException($"sheet {key.SheetId} has no questionable contest {key.ContestId}");
            var place = $"{item.BatchId}#{item.Seq} {key.ContestId}";
            if (item.Adjudicated is not null)
            {
                throw new DecisionConflictException($"{place} is already decided by the board");
            }

            if (item.ClaimedBy is { } other && other != member.BoardId)
            {
                throw new BoardException($"{place} is with board {other}");
            }

            if (sql.Scalar("SELECT 1 FROM board_decisions WHERE sheet_id = $s AND contest_id = $c AND account = $a", ("$s", key.SheetId), ("$c", key.ContestId), ("$a", member.Name)) is not null)
            {
                throw new DecisionConflictException($"{member.Name} has already recorded a decision on {place}");
            }

            if (item.ClaimedBy is null)
            {
                sql.Execute("INSERT INTO board_claims (sheet_id, contest_id, board_id, claimed_at) VALUES ($s, $c, $b, $at)",
                    ("$s", key.SheetId), ("$c", key.ContestId), ("$b", member.BoardId), ("$at", db.Now()));
            }

            sql.Execute("INSERT INTO board_decisions (sheet_id, contest_id, account, board_id, choice, outcome, votes, decided_at) VALUES ($s, $c, $a, $b, $ch, $o, $v, $at)",
                ("$s", key.SheetId), ("$c", key.ContestId), ("$a", member.Name), ("$b", member.BoardId), ("$ch", Json(choice)),
                ("$o", resolved.Outcome.KindName), ("$v", StoredVotes.Join(resolved.Outcome.Votes)), ("$at", db.Now()));
            sql.Audit("board-decision", $"{member.Name} (board {member.BoardId}) decided {place}");

            var size = Convert.ToInt32(sql.Scalar("SELECT size FROM boards WHERE id = $b", ("$b", member.BoardId)), System.Globalization.CultureInfo.InvariantCulture);
            var decisions = sql.Rows("SELECT account, outcome, votes FROM board_decisions WHERE sheet_id = $s AND contest_id = $c AND board_id = $b ORDER BY decided_at, account",
                r => (Account: r.GetString(0), Outcome: BoardOutcome.Parse(r.GetString(1), StoredVotes.Split(r.GetString(2)))),
                ("$s", key.SheetId), ("$c", key.ContestId), ("$b", member.BoardId));
            var settled = DecideByMajority.Settle(size, [.. decisions.Select(d => d.Outcome)]);
            if (settled is null)
            {
                return new DecisionResult(resolved, null, []);
            }

            var by = decisions.Select(d => d.Account).ToList();
            var agreeing = decisions.Count(d => d.Outcome.Equals(settled));
            sql.Execute("INSERT INTO adjudications (sheet_id, contest_id, outcome, votes, board_id, members, decided_at) VALUES ($s, $c, $o, $v, $b, $m, $at)",
                ("$s", key.SheetId), ("$c", key.ContestId), ("$o", settled.KindName), ("$v", StoredVotes.Join(settled.Votes)), ("$b", member.BoardId),
                ("$m", StoredVotes.Join(by)), ("$at", db.Now()));
            sql.Audit("board-settled", settled.Kind == BoardOutcomeKind.NotValid && agreeing < DecideByMajority.Majority(size)
                ? $"{place}: board {member.BoardId} ({string.Join(", ", by)}): no majority found the intent clear; not valid (44.3.2402(1)(b))"
                : $"{place}: board {member.BoardId} ({string.Join(", ", by)}): {agreeing} of {size} agreed (44.3.2402(1)(a))");
            return new DecisionResult(resolved, settled, by);
        });
    }

    /// <summary>Who decided an item and when (not what): for the item's record on screen.</summary>
    public IReadOnlyList<(string Account, string At)> Deciders(ItemKey key) => db.Read(sql => sql.Rows(
        "SELECT account, decided_at FROM board_decisions WHERE sheet_id = $s AND contest_id = $c ORDER BY decided_at",
        r => (r.GetString(0), r.GetString(1)), ("$s", key.SheetId), ("$c", key.ContestId)));

    private static string Json(MemberChoice choice)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("kind", choice.Kind switch { ChoiceKind.Votes => "votes", ChoiceKind.Overvote => "overvote", _ => "not-clear" });
            w.WriteStartArray("options");
            choice.Options.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
            w.WriteStartArray("writeIns");
            foreach (var wi in choice.WriteIns)
            {
                w.WriteStartObject();
                w.WriteNumber("slot", wi.Slot);
                w.WriteString("text", wi.Text);
                w.WriteBoolean("isComment", wi.IsComment);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
