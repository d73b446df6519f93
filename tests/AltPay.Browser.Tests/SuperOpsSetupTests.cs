using AltPay.Browser.Tests.Infrastructure;
using AltPay.Sync;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AltPay.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SuperOpsSetupTests(Chromium chromium, DemoHost host) : IClassFixture<DemoHost>
{
    [Fact]
    public async Task RejectedTokenShowsErrorBesideTokenField()
    {
        var page = await chromium.NewPageAsync();
        await page.SignInAsync(host, DemoHost.AdminEmail, DemoHost.AdminPassword);
        await page.OpenIntegrationsAsync();

        await page.SubmitConnectionAsync(host.SandboxTenant.Subdomain, "sbx_not-the-right-token-0000");

        var tokenField = page.GetByLabel("API token");
        await Expect(tokenField).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(tokenField).ToHaveAccessibleDescriptionAsync(ConnectionService.RejectedTokenMessage);
        var describedBy = await tokenField.GetAttributeAsync("aria-describedby");
        await Expect(page.Locator($"#{describedBy}")).ToHaveTextAsync(ConnectionService.RejectedTokenMessage);

        var subdomainField = page.GetByLabel("Subdomain");
        await Expect(subdomainField).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(subdomainField).ToHaveValueAsync(host.SandboxTenant.Subdomain);
        await Expect(tokenField).ToHaveValueAsync("");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("SuperOps did not accept these details; nothing was saved.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up SuperOps" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
