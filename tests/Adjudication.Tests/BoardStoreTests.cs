using CentralCount.Adjudication.Accounts;
using CentralCount.Adjudication.Decisions;
using CentralCount.Adjudication.Queue;
using CentralCount.Adjudication.Store;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.Adjudication.Tests;

/// <summary>The board's records in the store: sign-in and lockout, each decision once, an audit log that names people and items but never votes.</summary>
[Collection("board")]
public sealed class BoardStoreTests(BoardSetup setup)
{
    private BoardServer Server => setup.Server;

    [Fact]
    public void Five_wrong_passwords_lock_the_account_until_the_lockout_ends()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-03T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var db = BoardDatabase.Open(Server.StorePath, clock);
        var accounts = new AccountStore(db, BoardServer.Iterations);
        accounts.Create("lock1", "Lock One", Role.Member, BoardServer.Password, "test");
        for (var i = 0; i < AccountStore.FailuresBeforeLockout; i++)
        {
            Assert.Null(accounts.SignIn("lock1", "wrong password").Account);
        }

        var locked = accounts.SignIn("lock1", BoardServer.Password);
        Assert.Null(locked.Account);
        Assert.Contains("locked", locked.Refusal, StringComparison.Ordinal);
        clock.Now += AccountStore.LockoutTime + TimeSpan.FromSeconds(1);
        Assert.NotNull(accounts.SignIn("lock1", BoardServer.Password).Account);
        var log = db.Read(sql => sql.Rows("SELECT kind, detail FROM audit_log WHERE detail LIKE 'lock1%'", r => (Kind: r.GetString(0), Detail: r.GetString(1))));
        Assert.Contains(log, e => e.Kind == "account-locked");
        Assert.DoesNotContain(log, e => e.Detail.Contains("wrong password", StringComparison.Ordinal) && e.Detail.Contains(BoardServer.Password, StringComparison.Ordinal));
    }

    [Fact]
    public void Passwords_are_kept_as_slow_salted_hashes()
    {
        var a = PasswordHash.Hash("a long enough password", 1000);
        var b = PasswordHash.Hash("a long enough password", 1000);
        Assert.NotEqual(a, b);
        Assert.True(PasswordHash.Verify("a long enough password", a));
        Assert.False(PasswordHash.Verify("a long enough passworD", a));
        Assert.Equal(600_000, PasswordHash.DefaultIterations);
        Assert.NotNull(PasswordHash.Weakness("short"));
        Assert.Throws<BoardException>(() => Server.Accounts.Create("weak", "Weak", Role.Member, "short", "test"));
        var stored = Server.Database.Read(sql => (string)sql.Scalar("SELECT password_hash FROM accounts WHERE name = 'clerk'")!);
        Assert.StartsWith("pbkdf2-sha256$", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(BoardServer.Password, stored, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_decides_once_a_settled_contest_takes_no_more_and_the_log_holds_no_votes()
    {
        var members = Server.NewBoard("once");
        var accounts = members.Select(m => Server.Accounts.Find(m)!).ToList();
        var queue = new QueueStore(Server.Database);
        var decisions = new DecisionStore(Server.Database);
        var item = queue.Next(accounts[0], QueueFilter.Any)!;
        var option = item.Positions.First(p => p.OptionId is not null).OptionId!;
        var choice = MemberChoice.For(option);
        Assert.Null(decisions.Record(accounts[0], item.Key, choice).Settled);
        Assert.Throws<DecisionConflictException>(() => decisions.Record(accounts[0], item.Key, MemberChoice.NotClear));
        Assert.Equal(BoardOutcome.Counted([option]), decisions.Record(accounts[1], item.Key, choice).Settled);
        Assert.Throws<DecisionConflictException>(() => decisions.Record(accounts[2], item.Key, choice));
        Assert.Equal(2L, Server.Database.Read(sql => (long)sql.Scalar("SELECT count(*) FROM board_decisions WHERE sheet_id = $s AND contest_id = $c", ("$s", item.Key.SheetId), ("$c", item.Key.ContestId))!));

        var contest = Server.Election.Contest(item.Key.ContestId);
        var names = Web.ItemView.Labels(Server.Election, contest).Values.Select(v => v.Split(" (")[0]).Concat(contest.OptionIds).ToList();
        var log = Server.Database.Read(sql => sql.Rows("SELECT detail FROM audit_log WHERE kind LIKE 'board-%'", r => r.GetString(0)));
        Assert.NotEmpty(log);
        Assert.All(log, d => Assert.DoesNotContain(names, n => d.Contains(n, StringComparison.Ordinal)));
        using var store = CountStore.Open(Server.StorePath);
        Assert.Null(AuditChain.FirstBreak(store.AuditLog()));
        Assert.DoesNotContain(store.BoardQueue(), i => i.SheetId == item.Key.SheetId && i.ContestId == item.Key.ContestId);
    }

    [Fact]
    public async Task Concurrent_decisions_from_several_boards_are_each_recorded_once()
    {
        var boards = Enumerable.Range(0, 4).Select(i => Server.NewBoard($"par{i}x", 1)).ToList();
        var decisions = new DecisionStore(Server.Database);
        var queue = new QueueStore(Server.Database);
        var recorded = await Task.WhenAll(boards.Select(b => Task.Run(() =>
        {
            var member = Server.Accounts.Find(b[0])!;
            var keys = new List<ItemKey>();
            for (var i = 0; i < 3 && queue.Next(member, QueueFilter.Any) is { } item; i++)
            {
                decisions.Record(member, item.Key, MemberChoice.Overvoted);
                keys.Add(item.Key);
            }

            return keys;
        })));
        var all = recorded.SelectMany(k => k).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all, k => Assert.Equal(BoardOutcome.Overvote, queue.Find(k)!.Adjudicated));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
