using AltPay.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AltPay.Browser.Tests;

/// <summary>
/// Runs axe-core's WCAG 2.0 and 2.1 A and AA rules on the main dashboard pages of a connected partner.
/// With ALTPAY_SCREENSHOTS=1 each page is also saved to docs/screenshots at 1280x800.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(Chromium chromium, ConnectedDemo demo) : IClassFixture<ConnectedDemo>
{
    [Theory]
    [InlineData("overview")]
    [InlineData("integrations")]
    [InlineData("invoices")]
    [InlineData("invoice")]
    public async Task PageHasNoWcagViolations(string pageName)
    {
        var path = pageName switch
        {
            "overview" => "/",
            "integrations" => "/Integrations/SuperOps",
            "invoices" => "/Invoices",
            "invoice" => "/Invoices/" + await FindPartlyPaidInvoiceAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(pageName), pageName, "No such dashboard page in this test."),
        };
        var page = await chromium.NewPageAsync(bypassCsp: true);
        await page.SignInAsync(demo.Host, DemoHost.AdminEmail, DemoHost.AdminPassword);

        await page.GotoAsync(demo.Host.Url(path));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var violations = await Axe.RunAsync(page);

        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violations on {path}:\n{string.Join("\n", violations)}");
        await Screenshots.SaveIfRequestedAsync(page, pageName);
        await page.Context.CloseAsync();
    }

    // A payment puts the payments table and its Refund button on the page, so axe-core checks them too.
    private async Task<Guid> FindPartlyPaidInvoiceAsync()
    {
        var invoiceId = await demo.FindOpenInvoiceAsync();
        await demo.RecordPaymentAsync(invoiceId, 1.00m);
        return invoiceId;
    }
}
