using System.Net;
using System.Net.Http.Json;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

/// <summary>The host with its clock stopped at <see cref="Now"/>, so "overdue" and "this month" are fixed.</summary>
public sealed class OverviewClockApp : AltPayApp
{
    public static readonly DateTimeOffset Now = new(2026, 12, 15, 12, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new StoppedClock(Now)));
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class OverviewTests(OverviewClockApp app) : IClassFixture<OverviewClockApp>
{
    [Fact]
    public async Task OverviewTotalsAreExact()
    {
        var partner = await app.CreatePartnerAsync("Totals IT");
        var other = await app.CreatePartnerAsync("Other Totals IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        using var otherApi = app.CreateApiClient(other.ApiKey);
        var customerId = (await api.CreateCustomerAsync("Totals Dental"))["id"]!.GetValue<string>();
        var otherCustomerId = (await otherApi.CreateCustomerAsync("Other Dental"))["id"]!.GetValue<string>();

        // Partly paid on the first instant of December: 250.50 less 50.25 leaves 200.25 open, not overdue.
        var partlyPaid = await CreateInvoiceAsync(api, customerId, "2026-12-31", "USD", 2m, 125.25m);
        await PayAsync(api, partlyPaid, 50.25m, "2026-12-01T00:00:00Z");

        // Overdue since 1 December: 99.99.
        await CreateInvoiceAsync(api, customerId, "2026-12-01", "USD", 1m, 99.99m);

        // Paid in full one second before December: neither open nor paid this month.
        var paidInNovember = await CreateInvoiceAsync(api, customerId, "2026-12-20", "USD", 1m, 300m);
        await PayAsync(api, paidInNovember, 300m, "2026-11-30T23:59:59Z");

        // Paid this month and refunded: 40.00 open again, and the refunded payment does not count as paid.
        var refunded = await CreateInvoiceAsync(api, customerId, "2026-12-31", "USD", 1m, 40m);
        var refundedPayment = await PayAsync(api, refunded, 40m, "2026-12-10T09:00:00Z");
        using (var refund = await api.PostAsync($"/api/v1/payments/{refundedPayment}/refund", null))
        {
            Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        }

        // Another currency is totalled on its own: 10.00 EUR open and overdue since 14 December.
        await CreateInvoiceAsync(api, customerId, "2026-12-14", "EUR", 4m, 2.5m);

        // Paid this month, 7.30: the only payment of December that still counts.
        var paidInDecember = await CreateInvoiceAsync(api, customerId, "2026-12-31", "USD", 1m, 7.30m);
        await PayAsync(api, paidInDecember, 7.30m, "2026-12-15T11:59:59Z");

        // Another partner's invoices and payments count nowhere.
        var foreign = await CreateInvoiceAsync(otherApi, otherCustomerId, "2026-12-01", "USD", 1m, 1000m);
        await PayAsync(otherApi, foreign, 500m, "2026-12-05T00:00:00Z");
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        var html = await browser.GetStringAsync("/");

        Assert.Contains("<p class=\"figure\" data-total=\"open\">10.00 EUR</p>", html);
        Assert.Contains("<p class=\"figure\" data-total=\"open\">340.24 USD</p>", html);
        Assert.Contains("4 open or partly paid invoices", html);
        Assert.Contains("<p class=\"figure\" data-total=\"overdue\">10.00 EUR</p>", html);
        Assert.Contains("<p class=\"figure\" data-total=\"overdue\">99.99 USD</p>", html);
        Assert.Contains("2 invoices past the due date", html);
        Assert.Contains("Paid in December 2026", html);
        Assert.Contains("<p class=\"figure\" data-total=\"paid\">57.55 USD</p>", html);
        Assert.DoesNotContain("data-total=\"paid\">0", html);
        Assert.Contains("2 payments recorded in AltPay", html);
        Assert.Equal(1, CountOf(html, "data-total=\"paid\""));
    }

    [Fact]
    public async Task OverviewWithoutDataShowsZeros()
    {
        var partner = await app.CreatePartnerAsync("Empty Totals IT");
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        var html = await browser.GetStringAsync("/");

        Assert.Contains("<p class=\"figure\" data-total=\"open\">0.00 USD</p>", html);
        Assert.Contains("<p class=\"figure\" data-total=\"overdue\">0.00 USD</p>", html);
        Assert.Contains("<p class=\"figure\" data-total=\"paid\">0.00 USD</p>", html);
        Assert.Contains("SuperOps is not connected yet.", html);
        Assert.Contains("No sync has run yet.", html);
    }

    [Fact]
    public async Task OverviewShowsConnectionAndRuns()
    {
        await app.CreateSandboxTenantAsync("overview-msp", "overview-token-3141", clients: 1, invoicesPerClient: 2, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Runs IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await api.ConnectAndSyncAsync("overview-msp", "overview-token-3141");
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        var html = await browser.GetStringAsync("/");

        Assert.Contains("<span class=\"badge badge-connected\">Connected</span>", html);
        Assert.Contains("overview-msp (US)", html);
        Assert.Contains("<span class=\"health-ok\">Refresh succeeded</span>", html);
        Assert.Contains("<td>Connect</td>", html);
        Assert.Contains("<td>Manual</td>", html);
        Assert.DoesNotContain("overview-token-3141", html);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static async Task<string> CreateInvoiceAsync(HttpClient api, string customerId, string dueDate, string currency, decimal quantity, decimal unitPrice)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId,
            invoiceDate = "2026-11-01",
            dueDate,
            currency,
            lines = new[] { new { description = "Managed services", quantity, unitPrice } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync())["id"]!.GetValue<string>();
    }

    private static async Task<string> PayAsync(HttpClient api, string invoiceId, decimal amount, string paidAt)
    {
        using var response = await api.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/payments", new { amount, method = "card", paidAt });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync())["id"]!.GetValue<string>();
    }
}
