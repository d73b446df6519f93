using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AltPay.SuperOps;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed class SweepApiTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task SweepArchivesDeletedRecords()
    {
        const string subdomain = "sweep-api-msp";
        await app.CreateSandboxTenantAsync(subdomain, "sweep-api-token-1", clients: 3, invoicesPerClient: 2, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Sweep Api IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await api.ConnectAndSyncAsync(subdomain, "sweep-api-token-1");
        var invoice = await api.FindPayableSuperOpsInvoiceAsync();
        var invoiceId = invoice["id"]!.GetValue<string>();
        var customers = (await api.GetFromJsonAsync<JsonNode>("/api/v1/customers?source=superops"))!["items"]!.AsArray();
        var customer = customers.First(candidate => candidate!["id"]!.GetValue<string>() != invoice["customerId"]!.GetValue<string>())!;
        using var sandbox = app.CreateApiClient(null);
        using (var deleted = await sandbox.DeleteAsync($"/sandbox/admin/tenants/{subdomain}/invoices/{invoice["externalId"]!.GetValue<string>()}"))
        {
            Assert.True(deleted.IsSuccessStatusCode);
        }

        using (var deleted = await sandbox.DeleteAsync($"/sandbox/admin/tenants/{subdomain}/clients/{customer["externalId"]!.GetValue<string>()}"))
        {
            Assert.True(deleted.IsSuccessStatusCode);
        }

        using var sweep = await api.PostAsync("/api/v1/integrations/superops/sweep?wait=true", null);
        using var pay = await api.PayAsync(invoiceId, 1.00m);

        Assert.Equal(HttpStatusCode.OK, sweep.StatusCode);
        var run = await sweep.ReadJsonAsync();
        Assert.Equal("sweep", run["kind"]!.GetValue<string>());
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        await pay.ReadProblemAsync(HttpStatusCode.Conflict);
        var archivedInvoice = await api.GetInvoiceAsync(invoiceId);
        Assert.True(archivedInvoice["archived"]!.GetValue<bool>());
        Assert.NotNull(archivedInvoice["archivedAt"]);
        Assert.NotNull(archivedInvoice["archiveReason"]);
        Assert.False(archivedInvoice["needsReview"]!.GetValue<bool>());
        var activeIds = await ListIdsAsync(api, "/api/v1/invoices?pageSize=100");
        var archivedIds = await ListIdsAsync(api, "/api/v1/invoices?archived=true&pageSize=100");
        Assert.DoesNotContain(invoiceId, activeIds);
        Assert.Contains(invoiceId, archivedIds);
        var customerId = customer["id"]!.GetValue<string>();
        Assert.DoesNotContain(customerId, await ListIdsAsync(api, "/api/v1/customers?pageSize=100"));
        Assert.Contains(customerId, await ListIdsAsync(api, "/api/v1/customers?archived=true&pageSize=100"));
    }

    [Fact]
    public async Task ArchivedInvoiceWithPaymentNeedsReview()
    {
        const string subdomain = "review-api-msp";
        await app.CreateSandboxTenantAsync(subdomain, "review-api-token-1", clients: 2, invoicesPerClient: 2, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Review Api IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await api.ConnectAndSyncAsync(subdomain, "review-api-token-1");
        var invoice = await api.FindPayableSuperOpsInvoiceAsync();
        var invoiceId = invoice["id"]!.GetValue<string>();
        using (var paid = await api.PayAsync(invoiceId, 0.01m))
        {
            Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        }

        using var sandbox = app.CreateApiClient(null);
        using (var deleted = await sandbox.DeleteAsync($"/sandbox/admin/tenants/{subdomain}/invoices/{invoice["externalId"]!.GetValue<string>()}"))
        {
            Assert.True(deleted.IsSuccessStatusCode);
        }

        using var sweep = await api.PostAsync("/api/v1/integrations/superops/sweep?wait=true", null);

        Assert.Equal(HttpStatusCode.OK, sweep.StatusCode);
        var archived = await api.GetInvoiceAsync(invoiceId);
        Assert.True(archived["archived"]!.GetValue<bool>());
        Assert.True(archived["needsReview"]!.GetValue<bool>());
    }

    [Fact]
    public async Task VoidInvoiceIs409()
    {
        const string subdomain = "void-api-msp";
        await app.CreateSandboxTenantAsync(subdomain, "void-api-token-1", clients: 2, invoicesPerClient: 2, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Void Api IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await api.ConnectAndSyncAsync(subdomain, "void-api-token-1");
        var invoice = await api.FindPayableSuperOpsInvoiceAsync();
        var invoiceId = invoice["id"]!.GetValue<string>();
        using var sandbox = app.CreateApiClient(null);
        using (var voided = await sandbox.PatchAsJsonAsync($"/sandbox/admin/tenants/{subdomain}/invoices/{invoice["externalId"]!.GetValue<string>()}", new { statusEnum = "VOID" }))
        {
            Assert.True(voided.IsSuccessStatusCode);
        }

        await SyncHelper.SyncAndWaitAsync(api);
        using var pay = await api.PayAsync(invoiceId, 1.00m);

        Assert.Equal("void", (await api.GetInvoiceAsync(invoiceId))["status"]!.GetValue<string>());
        await pay.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ConfirmUnknownRunIs404()
    {
        const string subdomain = "confirm-api-msp";
        await app.CreateSandboxTenantAsync(subdomain, "confirm-api-token-1", clients: 1, invoicesPerClient: 1, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Confirm Api IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var refresh = await api.ConnectAndSyncAsync(subdomain, "confirm-api-token-1");

        using var unknown = await api.PostAsync($"/api/v1/integrations/superops/sweep/{Guid.NewGuid()}/confirm", null);
        using var notHeld = await api.PostAsync($"/api/v1/integrations/superops/sweep/{refresh["id"]!.GetValue<string>()}/dismiss", null);

        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);
        var problem = await notHeld.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(refresh["id"]!.GetValue<string>(), problem["runId"]!.GetValue<string>());
    }

    private static async Task<List<string>> ListIdsAsync(HttpClient api, string url)
    {
        var page = (await api.GetFromJsonAsync<JsonNode>(url))!;
        return page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()).ToList();
    }
}

/// <summary>A sweep requested while a refresh is held inside a SuperOps request.</summary>
public sealed class SweepDuringRefreshTests : IDisposable
{
    private readonly HeldInvoiceListApp _app = new();

    [Fact]
    public async Task SweepDuringRefreshIs409WithRunId()
    {
        const string subdomain = "overlap-api-msp";
        await _app.CreateSandboxTenantAsync(subdomain, "overlap-api-token-1", clients: 1, invoicesPerClient: 1, linesPerInvoice: 1);
        var partner = await _app.CreatePartnerAsync("Overlap Api IT");
        using var api = _app.CreateApiClient(partner.ApiKey);
        await api.ConnectAndSyncAsync(subdomain, "overlap-api-token-1");
        _app.Hold.Close();

        using var refresh = await api.PostAsync("/api/v1/integrations/superops/sync", null);
        var refreshId = (await refresh.ReadJsonAsync())["runId"]!.GetValue<string>();
        await _app.Hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        using var sweep = await api.PostAsync("/api/v1/integrations/superops/sweep", null);
        _app.Hold.Open();

        Assert.Equal(HttpStatusCode.Accepted, refresh.StatusCode);
        var problem = await sweep.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(refreshId, problem["runId"]!.GetValue<string>());
    }

    public void Dispose()
    {
        _app.Hold.Open();
        _app.Dispose();
    }

    /// <summary>Holds the engine's invoice listings while the gate is closed.</summary>
    private sealed class HeldInvoiceListApp : AltPayApp
    {
        public RequestGate Hold { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddHttpClient(SuperOpsClientFactory.HttpClientName).AddHttpMessageHandler(() => new GateHandler(Hold)));
        }
    }

    private sealed class RequestGate
    {
        private volatile TaskCompletionSource _open = Opened();

        public TaskCompletionSource ReachedSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => ReachedSource.Task;

        public Task WaitOpenAsync(CancellationToken cancellationToken) => _open.Task.WaitAsync(cancellationToken);

        public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        private static TaskCompletionSource Opened()
        {
            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            source.SetResult();
            return source;
        }
    }

    private sealed class GateHandler(RequestGate gate) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);

            if (body.Contains("getInvoiceList", StringComparison.Ordinal) && !gate.WaitOpenAsync(CancellationToken.None).IsCompleted)
            {
                gate.ReachedSource.TrySetResult();
                await gate.WaitOpenAsync(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>The connection reports its scheduled runs when scheduling is on.</summary>
public sealed class SweepScheduleTests : IDisposable
{
    private readonly ScheduledApp _app = new();

    [Fact]
    public async Task ConnectionShowsNextRefreshAndSweep()
    {
        const string subdomain = "schedule-api-msp";
        await _app.CreateSandboxTenantAsync(subdomain, "schedule-api-token-1", clients: 1, invoicesPerClient: 1, linesPerInvoice: 1);
        var partner = await _app.CreatePartnerAsync("Schedule Api IT");
        using var api = _app.CreateApiClient(partner.ApiKey);
        using (var connect = await api.PutAsJsonAsync("/api/v1/integrations/superops", new { subdomain, apiToken = "schedule-api-token-1", region = "us", currency = "USD" }))
        {
            Assert.Equal(HttpStatusCode.OK, connect.StatusCode);
        }

        var connection = (await api.GetFromJsonAsync<JsonNode>("/api/v1/integrations/superops"))!;

        var connectedAt = connection["connectedAt"]!.GetValue<DateTimeOffset>();
        var nextRefresh = connection["nextRefreshAt"]!.GetValue<DateTimeOffset>();
        var nextSweep = connection["nextSweepAt"]!.GetValue<DateTimeOffset>();

        // Both triggers are set from one reading of the clock: the refresh one interval on, the sweep half of its interval on.
        Assert.Equal(TimeSpan.FromMinutes(90), nextRefresh - nextSweep);
        Assert.InRange(nextSweep - connectedAt, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(31));
    }

    public void Dispose() => _app.Dispose();

    private sealed class ScheduledApp : AltPayApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["AltPay:Sync:SchedulingEnabled"] = "true",
            ["AltPay:Sync:RefreshInterval"] = "02:00:00",
            ["AltPay:Sync:SweepInterval"] = "01:00:00",
        };
    }
}
