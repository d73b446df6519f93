using Microsoft.Playwright;

namespace AltPay.Browser.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for every browser test, driven by Playwright through its executable
/// path. Playwright's own browser download is never used, because it needs a CDN.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been started.");

    public async Task InitializeAsync()
    {
        var executablePath = Environment.GetEnvironmentVariable("ALTPAY_CHROMIUM") ?? DefaultExecutablePath;

        if (!File.Exists(executablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {executablePath}. Install Debian's package (apt-get install chromium) or set ALTPAY_CHROMIUM.");
        }

        // Expect waits 5 s by default; a CI machine with two cores and other test hosts needs longer.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executablePath,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
    }

    /// <summary>
    /// Opens a page in a fresh context (its own cookies) at 1280x800. With <paramref name="bypassCsp"/>
    /// the page's Content-Security-Policy is ignored, which injecting axe-core as an inline script needs.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BypassCSP = bypassCsp,
            Locale = "en-US",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>
/// The browser test classes share one Chromium and run one at a time, because each class also starts a
/// host and the CI machine has two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
