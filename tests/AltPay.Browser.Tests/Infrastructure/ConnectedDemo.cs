using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Browser.Tests.Infrastructure;

/// <summary>
/// A demo host whose partner is already connected to the seeded sandbox tenant, with one finished
/// import. It connects through the REST API so that tests of other pages do not repeat the set-up form.
/// </summary>
public sealed class ConnectedDemo : IAsyncLifetime
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    public DemoHost Host { get; } = new();

    public async Task InitializeAsync()
    {
        var tenant = Host.SandboxTenant;
        using var api = CreateApiClient();

        using var connect = await api.PutAsJsonAsync(
            "/api/v1/integrations/superops",
            new { subdomain = tenant.Subdomain, apiToken = tenant.ApiToken, region = "us", currency = "USD" });
        Assert.Equal(HttpStatusCode.OK, connect.StatusCode);

        await WaitForFinishedImportAsync(api);
    }

    /// <summary>Returns the id of an open invoice with lines, the one with the lowest number.</summary>
    public async Task<Guid> FindOpenInvoiceAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();

        var invoices = await db.Invoices.IgnoreQueryFilters().AsNoTracking().Include(invoice => invoice.Lines).ToListAsync();
        var open = invoices
            .Where(invoice => invoice.StatusOn(today) == InvoiceStatus.Open && invoice.Lines.Count > 0)
            .OrderBy(invoice => invoice.Number, StringComparer.Ordinal)
            .First();
        return open.Id;
    }

    /// <summary>Records a card payment on an invoice through the REST API, as an Admin.</summary>
    public async Task RecordPaymentAsync(Guid invoiceId, decimal amount)
    {
        using var api = CreateApiClient();
        using var response = await api.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/payments", new { amount, method = "card" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }

    private HttpClient CreateApiClient()
    {
        var api = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = RunTimeout };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoHost.ApiKey);
        return api;
    }

    // Connecting starts the first import in the background; the run list shows when it has finished.
    private static async Task WaitForFinishedImportAsync(HttpClient api)
    {
        using var timeout = new CancellationTokenSource(RunTimeout);

        while (true)
        {
            var items = await api.GetFromJsonAsync<JsonArray>("/api/v1/sync-runs", timeout.Token);

            if (items is { Count: > 0 } && items.All(run => run!["status"]!.GetValue<string>() != "running"))
            {
                Assert.Single(items);
                Assert.Equal("succeeded", items[0]!["status"]!.GetValue<string>());
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
