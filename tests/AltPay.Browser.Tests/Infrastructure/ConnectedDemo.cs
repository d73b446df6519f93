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

    // Connecting starts the first import. A refresh with wait=true returns 409 while that one runs.
    private static async Task WaitForFinishedImportAsync(HttpClient api)
    {
        using var timeout = new CancellationTokenSource(RunTimeout);

        while (true)
        {
            using var response = await api.PostAsync("/api/v1/integrations/superops/sync?wait=true", null, timeout.Token);

            if (response.StatusCode == HttpStatusCode.OK)
            {
                var run = await response.Content.ReadFromJsonAsync<JsonNode>(timeout.Token);
                Assert.Equal("succeeded", run!["status"]!.GetValue<string>());
                return;
            }

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
