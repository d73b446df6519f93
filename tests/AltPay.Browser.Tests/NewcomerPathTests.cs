using System.Diagnostics;
using System.Text.RegularExpressions;
using AltPay.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AltPay.Browser.Tests;

/// <summary>
/// A new partner's first session in the dashboard: sign in, connect the sandbox tenant, wait for the
/// import, then pay an invoice in full, see it locked and written back to SuperOps, and refund it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class NewcomerPathTests(Chromium chromium, DemoHost host) : IClassFixture<DemoHost>
{
    private static readonly TimeSpan WriteBackTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task NewcomerConnectsPaysAndRefunds()
    {
        var tenant = host.SandboxTenant;
        var page = await chromium.NewPageAsync();

        await page.SignInAsync(host, DemoHost.AdminEmail, DemoHost.AdminPassword);
        await page.OpenIntegrationsAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up SuperOps" })).ToBeVisibleAsync();
        await page.SubmitConnectionAsync(tenant.Subdomain, tenant.ApiToken);
        await page.WaitForSucceededRunAsync();
        await Expect(page.GetByText($"{tenant.Subdomain} (US data centre)")).ToBeVisibleAsync();

        await page.OpenInvoicesAsync();
        var invoiceId = await page.OpenFirstInvoiceAsync("open");
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveAccessibleNameAsync(OpenInvoiceHeading());
        var number = OpenInvoiceHeading().Match(await heading.InnerTextAsync()).Groups[1].Value;
        await Expect(page.GetByText("Paid-locked")).ToHaveCountAsync(0);
        var balance = await host.ReadBalanceAsync(invoiceId);

        await page.GetByLabel("Amount").FillAsync(balance);
        await page.GetByLabel("Method").SelectOptionAsync("card");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();
        await Expect(page.GetByText("Payment recorded.")).ToBeVisibleAsync();
        await Expect(heading).ToHaveAccessibleNameAsync($"Invoice {number} paid Paid-locked");
        Assert.Equal("0.00", await host.ReadBalanceAsync(invoiceId));
        await ReloadUntilVisibleAsync(page, page.GetByText("Write-back: delivered"), WriteBackTimeout);

        await page.GetByRole(AriaRole.Button, new() { Name = "Refund" }).ClickAsync();
        await Expect(page.GetByText("Payment refunded; the balance is open again.")).ToBeVisibleAsync();
        await Expect(heading).ToHaveAccessibleNameAsync(new Regex($@"^Invoice {Regex.Escape(number)} (open|overdue)$"));
        await Expect(page.GetByText("Paid-locked")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Refund" })).ToHaveCountAsync(0);
        Assert.Equal(balance, await host.ReadBalanceAsync(invoiceId));
        await page.Context.CloseAsync();
    }

    // A background dispatcher delivers the write-back, so the invoice page shows it only on a later load.
    private static async Task ReloadUntilVisibleAsync(IPage page, ILocator locator, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();

        while (!await locator.IsVisibleAsync())
        {
            Assert.True(clock.Elapsed < timeout, $"Not shown within {timeout.TotalSeconds} s of reloading: {locator}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            await page.ReloadAsync();
        }
    }

    [GeneratedRegex(@"^Invoice (\S+) open$")]
    private static partial Regex OpenInvoiceHeading();
}
