using Microsoft.Playwright;

namespace CentralCount.Adjudication.Tests;

/// <summary>Debian's Chromium, headless, driven by Playwright; never a downloaded browser.</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    /// <summary>Where screenshots of the pages go, for people to look at.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Environment.GetEnvironmentVariable("CC_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "centralcount-screenshots")).FullName;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>A signed-in page for one person, in a context of its own (its own cookies).</summary>
    public async Task<IPage> SignIn(Uri server, string name, string password = BoardServer.Password)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#go");
        // Polls the address rather than waiting for a navigation event, which a fast redirect can outrun.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"), new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
