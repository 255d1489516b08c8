using CentralCount.Adjudication.Decisions;
using CentralCount.Adjudication.Queue;
using CentralCount.Adjudication.Store;
using CentralCount.Election;
using CentralCount.ScanPipeline.Store;
using CentralCount.Tabulation;
using Microsoft.Playwright;

namespace CentralCount.Adjudication.Tests;

/// <summary>The tests that share one served store.</summary>
[CollectionDefinition("board")]
public sealed class SharedBoard : ICollectionFixture<BoardSetup>;

/// <summary>Shares one served store and one browser among the browser tests.</summary>
public sealed class BoardSetup : IAsyncLifetime
{
    public BoardServer Server { get; } = new();

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>The board application in Debian's Chromium: people sign in, decide by keyboard, and the store and tallies follow the majority.</summary>
[Collection("board")]
public sealed class BoardBrowserTests(BoardSetup setup)
{
    private BoardServer Server => setup.Server;

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_right_one_opens_the_board()
    {
        Server.NewBoard("sgn");
        var context = await setup.Browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/board");
        Assert.EndsWith("/signin", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#name", "sgn1");
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("#go");
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("not accepted");
        await page.FillAsync("#password", BoardServer.Password);
        await page.ClickAsync("#go");
        // Polls the address rather than waiting for a navigation event, which a fast redirect can outrun.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/board$"), new PageAssertionsToHaveURLOptions { Timeout = 30_000 });

        await Assertions.Expect(page.Locator("header.bar")).ToContainTextAsync("Board SGN");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Two_of_three_members_agreeing_decide_the_contest_and_the_tallies_follow()
    {
        var members = Server.NewBoard("maj");
        var pages = await Task.WhenAll(members.Select(m => setup.Browser.SignIn(Server.Address, m)));
        var keys = await Task.WhenAll(pages.Select(ItemOn));
        Assert.All(keys, k => Assert.Equal(keys[0], k));
        var key = keys[0];
        // Key 1 is the first option printed on this sheet's ballot style.
        var option = new QueueStore(Server.Database).Find(key)!.Positions[0].OptionId!;
        var before = Tally(key.ContestId);
        await pages[0].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "board-queue.png") });

        await pages[0].Keyboard.PressAsync("1");
        await pages[0].Keyboard.PressAsync("Enter");
        await Assertions.Expect(pages[0].Locator("#confirm-what")).ToContainTextAsync("Vote for");
        await pages[0].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "board-decision.png") });
        await pages[0].Keyboard.PressAsync("Enter");
        await Assertions.Expect(pages[0].Locator("#toast")).ToContainTextAsync("Waiting for the other members");
        Assert.Null(new QueueStore(Server.Database).Find(key)!.Adjudicated);

        await Decide(pages[1], "1");
        await Assertions.Expect(pages[1].Locator("#toast")).ToContainTextAsync("The board has settled it");
        Assert.Equal(BoardOutcome.Counted([option]), new QueueStore(Server.Database).Find(key)!.Adjudicated);

        var after = Tally(key.ContestId);
        Assert.Equal(before.Options.Single(o => o.OptionId == option).Votes + 1, after.Options.Single(o => o.OptionId == option).Votes);
        Assert.Equal(before.PendingBoard - 1, after.PendingBoard);

        // The third member is not asked about a contest the board has settled.
        await pages[2].ReloadAsync();
        Assert.NotEqual(key, await ItemOn(pages[2]));

        // An observer sees the new tally.
        var observer = await Observer("obs-maj");
        await Assertions.Expect(observer.Locator($"#tally-table tr[data-option='{option}'] td.num")).ToHaveTextAsync(after.Options.Single(o => o.OptionId == option).Votes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await observer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "overview.png") });
    }

    [Fact]
    public async Task A_split_board_leaves_the_vote_not_valid()
    {
        var members = Server.NewBoard("spl");
        var pages = await Task.WhenAll(members.Select(m => setup.Browser.SignIn(Server.Address, m)));
        var key = await ItemOn(pages[0]);
        var before = Tally(key.ContestId);
        await Decide(pages[0], "1");
        await Decide(pages[1], "2");
        Assert.Null(new QueueStore(Server.Database).Find(key)!.Adjudicated);
        await Decide(pages[2], "n");
        await Assertions.Expect(pages[2].Locator("#toast")).ToContainTextAsync("Not valid");
        Assert.Equal(BoardOutcome.NotValid, new QueueStore(Server.Database).Find(key)!.Adjudicated);
        Assert.Equal(before.NotValid + 1, Tally(key.ContestId).NotValid);
        Assert.Contains(Server.Database.Read(sql => sql.Rows("SELECT detail FROM audit_log WHERE kind = 'board-settled'", r => r.GetString(0))),
            d => d.Contains("no majority found the intent clear", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_in_name_read_by_the_board_is_matched_to_the_declared_candidate()
    {
        var (contest, declared) = ContestWithDeclaredWriteIns();
        var key = await TwoMembersReadAWriteIn("wri", contest, declared.Name.ToLowerInvariant().Replace(".", string.Empty, StringComparison.Ordinal),
            $"Matches declared write-in candidate {declared.Name}", $"Vote for {declared.Name} (declared write-in)", null);
        Assert.Equal(BoardOutcome.Counted([declared.Id]), new QueueStore(Server.Database).Find(key)!.Adjudicated);
        Assert.Contains(Tally(contest.Id).Options, o => o.OptionId == declared.Id && o.Votes >= 1);
    }

    [Fact]
    public async Task An_undeclared_write_in_counts_for_no_one()
    {
        var (contest, _) = ContestWithDeclaredWriteIns();
        var key = await TwoMembersReadAWriteIn("und", contest, "Mickey Mouse", "Not a declared write-in candidate", "No vote in this contest", "44.3.2403(2)(h)");
        Assert.Equal(BoardOutcome.Undervote, new QueueStore(Server.Database).Find(key)!.Adjudicated);
    }

    [Fact]
    public async Task An_observer_sees_progress_but_cannot_decide()
    {
        var observer = await Observer("obs-only");
        Assert.EndsWith("/overview", observer.Url, StringComparison.Ordinal);
        await Assertions.Expect(observer.Locator("#role-note")).ToContainTextAsync("cannot decide");
        var board = await observer.GotoAsync("/board");
        Assert.Equal(403, board!.Status);

        var item = new QueueStore(Server.Database).List(QueueFilter.Any, settled: false, 1).Single();
        var csrf = (await (await observer.APIRequest.GetAsync("/api/me")).JsonAsync())!.Value.GetProperty("csrf").GetString()!;
        var refused = await observer.APIRequest.PostAsync($"/api/items/{item.Key.SheetId}/{item.Key.ContestId}/decision", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["X-CSRF-Token"] = csrf, ["Content-Type"] = "application/json" },
            Data = """{"kind":"not-clear"}""",
        });
        Assert.Equal(403, refused.Status);
        Assert.Equal(0L, Server.Database.Read(sql => (long)sql.Scalar("SELECT count(*) FROM board_decisions WHERE account = 'obs-only'")!));
    }

    [Fact]
    public async Task Requests_without_a_session_are_refused()
    {
        var context = await setup.Browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.Address.ToString() });
        var next = await context.APIRequest.GetAsync("/api/next");
        Assert.Equal(401, next.Status);
        var tally = await context.APIRequest.GetAsync("/api/tally");
        Assert.Equal(401, tally.Status);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin");
        Assert.EndsWith("/signin", page.Url, StringComparison.Ordinal);
        var post = await context.APIRequest.PostAsync("/api/accounts", new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" }, Data = """{"name":"intruder","role":"administrator","password":"0123456789ab"}""" });
        Assert.Equal(401, post.Status);
        Assert.Null(Server.Accounts.Find("intruder"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_cross_site_request_is_refused_even_from_a_signed_in_browser()
    {
        var members = Server.NewBoard("csr");
        var page = await setup.Browser.SignIn(Server.Address, members[0]);
        var key = await ItemOn(page);
        var url = $"{Server.Address.ToString().TrimEnd('/')}/api/items/{key.SheetId}/{key.ContestId}/decision";
        var csrf = (await (await page.APIRequest.GetAsync("/api/me")).JsonAsync())!.Value.GetProperty("csrf").GetString()!;

        // A page of another origin (another server on this machine, so the browser sends the session cookie) posts to the board service.
        var script = $"fetch('{url}', {{ method: 'POST', mode: 'no-cors', credentials: 'include', headers: {{ 'Content-Type': 'text/plain' }}, body: '{{\"kind\":\"not-clear\"}}' }});";
        await using var elsewhere = await OtherSite.Start(script);
        var other = await page.Context.NewPageAsync();
        var response = other.WaitForResponseAsync(r => r.Url == url);
        await other.GotoAsync(elsewhere.Address);
        Assert.Equal(403, (await response).Status);

        // The session cookie and even the right token do not help a request from another origin; nor does the cookie without the token.
        var withOrigin = await page.APIRequest.PostAsync(url, new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["X-CSRF-Token"] = csrf, ["Content-Type"] = "application/json", ["Origin"] = "http://elsewhere.example" },
            Data = """{"kind":"not-clear"}""",
        });
        Assert.Equal(403, withOrigin.Status);
        var withoutToken = await page.APIRequest.PostAsync(url, new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" }, Data = """{"kind":"not-clear"}""" });
        Assert.Equal(403, withoutToken.Status);
        Assert.Equal(0L, Server.Database.Read(sql => (long)sql.Scalar("SELECT count(*) FROM board_decisions WHERE account = $a", ("$a", members[0]))!));
    }

    [Fact]
    public async Task The_administrator_sets_up_accounts_and_a_board_on_the_admin_page()
    {
        var admin = await setup.Browser.SignIn(Server.Address, "clerk");
        Assert.EndsWith("/admin", admin.Url, StringComparison.Ordinal);
        foreach (var n in new[] { "adm1", "adm2", "adm3" })
        {
            await admin.FillAsync("#acct-name", n);
            await admin.FillAsync("#acct-display", $"Judge {n}");
            await admin.SelectOptionAsync("#acct-role", "member");
            await admin.FillAsync("#acct-password", BoardServer.Password);
            await admin.ClickAsync("#acct-create");
            await Assertions.Expect(admin.Locator($"#account-table tr[data-account='{n}']")).ToBeVisibleAsync();
        }

        await admin.FillAsync("#board-name", "ADM");
        foreach (var n in new[] { "adm1", "adm2", "adm3" })
        {
            await admin.CheckAsync($"#board-members input[value='{n}']");
        }

        await admin.ClickAsync("#board-create");
        await Assertions.Expect(admin.Locator("#board-table")).ToContainTextAsync("adm1, adm2, adm3");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "admin.png") });
        Assert.Equal(3, new BoardRoster(Server.Database).Find("ADM")!.Size);
        var member = await setup.Browser.SignIn(Server.Address, "adm2");
        Assert.EndsWith("/board", member.Url, StringComparison.Ordinal);
    }

    // Two members of a new board open the same item of the contest, choose its write-in area and type what they read.
    private async Task<ItemKey> TwoMembersReadAWriteIn(string board, CandidateContest contest, string written, string match, string confirm, string? rule)
    {
        var members = Server.NewBoard(board);
        var pages = await Task.WhenAll(members.Take(2).Select(m => setup.Browser.SignIn(Server.Address, m)));
        ItemKey? key = null;
        foreach (var page in pages)
        {
            await page.GotoAsync($"/board?contest={contest.Id}");
            key ??= await ItemOn(page);
            Assert.Equal(key, await ItemOn(page));
            await page.Keyboard.PressAsync((contest.OptionIds.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Keyboard.TypeAsync(written);
            await Assertions.Expect(page.Locator("#match-0")).ToContainTextAsync(match);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#confirm-what")).ToContainTextAsync(confirm);
            if (rule is not null)
            {
                await Assertions.Expect(page.Locator("#confirm-panel")).ToContainTextAsync(rule);
            }

            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("Recorded");
        }

        return key!.Value;
    }

    private static async Task<ItemKey> ItemOn(IPage page)
    {
        var item = page.Locator("#item");
        await Assertions.Expect(item).ToBeVisibleAsync();
        return new ItemKey(long.Parse((await item.GetAttributeAsync("data-sheet"))!, System.Globalization.CultureInfo.InvariantCulture), (await item.GetAttributeAsync("data-contest"))!);
    }

    private static async Task Decide(IPage page, string key)
    {
        await ItemOn(page);
        await page.Keyboard.PressAsync(key);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#confirm-panel")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("Recorded");
    }

    private async Task<IPage> Observer(string name)
    {
        if (Server.Accounts.Find(name) is null)
        {
            Server.Accounts.Create(name, "An observer", Accounts.Role.Observer, BoardServer.Password, "test");
        }

        return await setup.Browser.SignIn(Server.Address, name);
    }

    private (CandidateContest Contest, DeclaredWriteIn Declared) ContestWithDeclaredWriteIns()
    {
        var queue = new QueueStore(Server.Database);
        var contest = Server.Election.Contests.OfType<CandidateContest>()
            .Where(c => c.DeclaredWriteIns.Count > 0 && c.WriteInSlots > 0)
            .OrderByDescending(c => queue.List(new QueueFilter(null, c.Id, null), settled: false, 100).Count(i => i.ClaimedBy is null))
            .First();
        Assert.True(queue.List(new QueueFilter(null, contest.Id, null), settled: false, 100).Any(i => i.ClaimedBy is null), $"the seeded batch has no free board item in {contest.Id}");
        return (contest, contest.DeclaredWriteIns[0]);
    }

    private ContestTally Tally(string contestId)
    {
        using var store = CountStore.Open(Server.StorePath);
        var rows = RecordedContests.In(store);
        return TallyContests.From(store.Election!, rows).Single(t => t.ContestId == contestId);
    }
}
