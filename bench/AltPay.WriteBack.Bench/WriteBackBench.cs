using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Sync;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperOps.Sandbox;

namespace AltPay.WriteBack.Bench;

/// <summary>
/// The sandbox on a loopback port and the sync engine on a temporary SQLite file in this process, set up
/// as the Sync tests do, except that the write-back settings keep their production defaults.
/// </summary>
internal sealed class WriteBackBench : IAsyncDisposable
{
    private const string Subdomain = "bench";
    private const string Token = "sandbox-token-bench-7c21";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan PaidTimeout = TimeSpan.FromSeconds(60);

    private readonly SandboxHost _sandbox;
    private readonly IHost _engine;
    private readonly string _directory;
    private readonly HttpClient _admin;
    private readonly Guid _partnerId;

    private WriteBackBench(SandboxHost sandbox, IHost engine, string directory, Guid partnerId)
    {
        _sandbox = sandbox;
        _engine = engine;
        _directory = directory;
        _partnerId = partnerId;
        _admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseAddress, $"admin/tenants/{Subdomain}/") };
    }

    public Uri SandboxAddress => _sandbox.BaseAddress;

    public static async Task<WriteBackBench> StartAsync()
    {
        var sandbox = await SandboxHost.StartAsync();
        sandbox.Tenants.CreateTenant(new SandboxTenantSpec(Subdomain, Token, "us", false, new SandboxSeed(5, 2, 2, 7)));

        var directory = Directory.CreateTempSubdirectory("altpay-writeback-bench-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AltPay:SuperOps:UsBaseUrl"] = sandbox.UsEndpoint.ToString(),
            ["AltPay:SuperOps:EuBaseUrl"] = sandbox.EuEndpoint.ToString(),
            ["AltPay:Sync:SchedulingEnabled"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddAltPayData($"Data Source={Path.Combine(directory, "altpay.db")}");
        builder.Services.AddAltPaySync(builder.Configuration);
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(directory, "keys")));

        var engine = builder.Build();
        await engine.Services.MigrateAltPayDatabaseAsync();
        await engine.StartAsync();

        var partnerId = Guid.NewGuid();
        await using (var db = await engine.Services.GetRequiredService<IDbContextFactory<AltPayDbContext>>().CreateDbContextAsync())
        {
            db.Partners.Add(new Partner { Id = partnerId, Name = "Bench MSP", CreatedAt = TimeProvider.System.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var bench = new WriteBackBench(sandbox, engine, directory, partnerId);
        using (var scope = engine.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConnectionService>()
                .ConnectAsync(partnerId, new ConnectRequest(Subdomain, Token, "us", "USD"), CancellationToken.None);
        }

        return bench;
    }

    /// <summary>Imports <paramref name="count"/> new invoices, pays each in full in turn, and returns each payment's time until PAID.</summary>
    public async Task<List<TimeSpan>> RunAsync(int count)
    {
        var externalIds = new List<string>();
        for (var i = 0; i < count; i++)
        {
            externalIds.Add(await CreateSandboxInvoiceAsync($"{100 + i}.25"));
        }

        await RefreshAsync();

        var latencies = new List<TimeSpan>();
        foreach (var externalId in externalIds)
        {
            var invoice = await FindInvoiceAsync(externalId);
            var started = TimeProvider.System.GetTimestamp();
            await PayInFullAsync(invoice);
            await WaitUntilPaidAsync(externalId);
            latencies.Add(TimeProvider.System.GetElapsedTime(started));
        }

        return latencies;
    }

    private async Task RefreshAsync()
    {
        var start = await _engine.Services.GetRequiredService<SyncRunCoordinator>()
            .StartAsync(_partnerId, SyncRunKind.Refresh, SyncRunTrigger.Manual, CancellationToken.None);
        var run = await start.Completion.WaitAsync(TimeSpan.FromMinutes(2));
        if (run.Status != SyncRunStatus.Succeeded)
        {
            throw new InvalidOperationException($"The refresh before the run ended {run.Status}: {run.Error}");
        }
    }

    private async Task<string> CreateSandboxInvoiceAsync(string amount)
    {
        var clients = (await _admin.GetFromJsonAsync<JsonArray>("clients"))!;
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        using var response = await _admin.PostAsJsonAsync("invoices", new
        {
            clientAccountId = (string)clients[0]!["accountId"]!,
            invoiceDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            dueDate = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            statusEnum = "APPROVED",
            items = new[] { new { details = "Managed services", quantity = "1", unitPrice = amount } },
        });
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (string)created["invoiceId"]!;
    }

    private async Task<Invoice> FindInvoiceAsync(string externalId)
    {
        await using var db = await _engine.Services.GetRequiredService<IDbContextFactory<AltPayDbContext>>().CreateDbContextAsync();
        db.ForPartner(_partnerId);
        return await db.Invoices.AsNoTracking().SingleAsync(invoice => invoice.ExternalId == externalId);
    }

    private async Task PayInFullAsync(Invoice invoice)
    {
        using var scope = _engine.Services.CreateScope();
        var amount = Money.FromMinorUnits(invoice.OutstandingMinor, invoice.Currency);
        await scope.ServiceProvider.GetRequiredService<PaymentService>().RecordAsync(
            _partnerId, invoice.Id, new RecordPaymentRequest(amount, "card", Reference: null, PaidAt: null), idempotencyKey: null, CancellationToken.None);
    }

    private async Task WaitUntilPaidAsync(string externalId)
    {
        var deadline = TimeProvider.System.GetUtcNow() + PaidTimeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var invoices = (await _admin.GetFromJsonAsync<JsonArray>("invoices"))!;
            var invoice = invoices.Single(node => (string?)node!["invoiceId"] == externalId)!;
            if ((string?)invoice["statusEnum"] == "PAID")
            {
                return;
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"Invoice {externalId} was not PAID in the sandbox within {PaidTimeout.TotalSeconds:0} s.");
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _engine.StopAsync();
        _engine.Dispose();
        await _sandbox.DisposeAsync();

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the folder is under the system temp directory.
        }
    }
}
