using Microsoft.Playwright;

namespace AltPay.Browser.Tests.Infrastructure;

/// <summary>Screenshots for the README, taken only on request so that normal runs leave the checkout alone.</summary>
public static class Screenshots
{
    public const string EnvironmentVariable = "ALTPAY_SCREENSHOTS";

    public static bool Requested => Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";

    /// <summary>Saves the viewport (1280x800) as docs/screenshots/<paramref name="name"/>.png when ALTPAY_SCREENSHOTS=1.</summary>
    public static async Task SaveIfRequestedAsync(IPage page, string name)
    {
        if (!Requested)
        {
            return;
        }

        Directory.CreateDirectory(RepositoryPaths.ScreenshotsDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryPaths.ScreenshotsDirectory, name + ".png"),
            FullPage = false,
        });
    }
}
