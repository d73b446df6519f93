using AltPay.Browser.Tests.Infrastructure;
using AltPay.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AltPay.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ReadOnlyUserTests(Chromium chromium, ConnectedDemo demo) : IClassFixture<ConnectedDemo>
{
    private const string Password = "Read-only-password-42";

    [Fact]
    public async Task ReadOnlyUserSeesNoControls()
    {
        var email = $"viewer-{Guid.NewGuid():N}@browser-demo.example";
        await demo.Host.CreateUserAsync(email, Password, PartnerRoles.ReadOnly);
        var invoiceId = await demo.FindOpenInvoiceAsync();
        await demo.RecordPaymentAsync(invoiceId, 1.00m);
        var page = await chromium.NewPageAsync();
        await page.SignInAsync(demo.Host, email, Password);

        await page.OpenIntegrationsAsync();
        await Expect(page.GetByText("ends in ")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Check and save" })).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("API token")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sync now" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Disconnect" })).ToHaveCountAsync(0);

        await page.GotoAsync(demo.Host.Url($"/Invoices/{invoiceId}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Invoice");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record payment" })).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Amount")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Refund" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retry write-back" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdminSeesControlsHiddenFromReadOnly()
    {
        var invoiceId = await demo.FindOpenInvoiceAsync();
        await demo.RecordPaymentAsync(invoiceId, 1.00m);
        var page = await chromium.NewPageAsync();
        await page.SignInAsync(demo.Host, DemoHost.AdminEmail, DemoHost.AdminPassword);

        await page.OpenIntegrationsAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Check and save" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sync now" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Disconnect" })).ToHaveCountAsync(1);

        await page.GotoAsync(demo.Host.Url($"/Invoices/{invoiceId}"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record payment" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Refund" }).First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
