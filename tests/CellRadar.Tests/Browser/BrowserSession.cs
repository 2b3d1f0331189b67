using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace CellRadar.Tests.Browser;

/// <summary>
/// One served app and one headless Chromium for all browser tests. The browser is Debian's, started by Playwright's
/// driver from the NuGet package; no browser is downloaded, and it resolves no host but 127.0.0.1.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private ServedProcess? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    internal ServedProcess App => _app!;

    /// <summary>Where screenshots go: artifacts/screenshots in the repository, which CI keeps.</summary>
    public static string ScreenshotFolder { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot(), "artifacts", "screenshots"));

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return;
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _app = await ServedProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
        _app?.Dispose();
    }

    /// <summary>A fresh page (own cookies) at a laptop's screen size.</summary>
    public async Task<IPage> NewPage()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: CI installs it in .ci/run (apt-get install chromium)");
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 800 } });
        return await context.NewPageAsync();
    }

    public string Url(string path) => App.Url(path).ToString();

    /// <summary>Saves what the page shows; long lists are taken as a screen's worth, other pages whole.</summary>
    public static Task Screenshot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = fullPage });

    private static string RepositoryRoot([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..");
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "browser";
}
