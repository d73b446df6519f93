using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AltPay.Browser.Tests.Infrastructure;

/// <summary>Steps a person takes in the dashboard, through accessible names only.</summary>
public static partial class Dashboard
{
    /// <summary>A first import of the demo tenant takes a few seconds; CI machines may be slower.</summary>
    public const float SyncTimeoutMs = 90_000;

    public static async Task SignInAsync(this IPage page, DemoHost host, string email, string password)
    {
        await page.GotoAsync(host.Url("/signin"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    public static async Task OpenIntegrationsAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
            .GetByRole(AriaRole.Link, new() { Name = "Integrations" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Integrations › SuperOps", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Fills the set-up form with a US tenant in USD and presses Check and save.</summary>
    public static async Task SubmitConnectionAsync(this IPage page, string subdomain, string apiToken)
    {
        await page.GetByLabel("Subdomain").FillAsync(subdomain);
        await page.GetByLabel("API token").FillAsync(apiToken);
        await page.GetByRole(AriaRole.Radio, new() { Name = "US" }).CheckAsync();
        await page.GetByLabel("Currency").FillAsync("USD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and save" }).ClickAsync();
    }

    /// <summary>
    /// Waits on the Integrations page until the last run reads as succeeded. While a run is in flight the
    /// page polls its progress and reloads itself when the run ends.
    /// </summary>
    public static async Task WaitForSucceededRunAsync(this IPage page)
    {
        await Expect(page.GetByText(SucceededRun())).ToBeVisibleAsync(new() { Timeout = SyncTimeoutMs });
    }

    public static async Task OpenInvoicesAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
            .GetByRole(AriaRole.Link, new() { Name = "Invoices" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invoices", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Filters the invoice list by status and opens the first invoice listed; returns its id.</summary>
    public static async Task<Guid> OpenFirstInvoiceAsync(this IPage page, string status)
    {
        await page.GetByLabel("Status").SelectOptionAsync(status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("status=" + Regex.Escape(status)));

        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync(InvoiceUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Invoice");

        return Guid.Parse(InvoiceUrl().Match(page.Url).Groups[1].Value);
    }

    [GeneratedRegex(@"run, succeeded, finished")]
    private static partial Regex SucceededRun();

    [GeneratedRegex(@"/Invoices/([0-9a-fA-F-]{36})")]
    private static partial Regex InvoiceUrl();
}
