using System.Diagnostics;
using AltPay.Data;
using AltPay.Domain;
using AltPay.SuperOps;
using AltPay.Sync;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltPay.Bench;

/// <summary>Times a full first refresh, then a download of the same pages without applying them.</summary>
internal static class RefreshBench
{
    public const string Subdomain = "bench";
    public const string Token = "bench-token-31c9";

    public static async Task<BenchResult> RunAsync(Uri sandbox)
    {
        var directory = Directory.CreateTempSubdirectory("altpay-bench-").FullName;
        using var host = BuildHost(sandbox, directory);
        await host.Services.MigrateAltPayDatabaseAsync();
        await host.StartAsync();

        var partnerId = await CreatePartnerAsync(host);
        var connections = host.Services.GetRequiredService<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<ConnectionService>();

        // The sandbox's first pass over a tenant is several times slower than later ones, from JIT
        // and its caches, and real SuperOps is always warm. One untimed pass comes first, so the
        // refresh and the download-only pass both meet a warm sandbox.
        var warmUp = await TimeDownloadOnlyAsync(host);
        Console.WriteLine($"Warm-up download: {warmUp.TotalSeconds:0.0} s (not timed)");

        var timer = Stopwatch.StartNew();
        await connections.ConnectAsync(partnerId, new ConnectRequest(Subdomain, Token, "us", "USD"), CancellationToken.None);
        var start = await host.Services.GetRequiredService<SyncRunCoordinator>().StartAsync(partnerId, SyncRunKind.Refresh, SyncRunTrigger.Manual, CancellationToken.None);
        var run = await start.Completion;
        var refreshTime = timer.Elapsed;
        var peakMemory = Environment.WorkingSet;
        using (var process = Process.GetCurrentProcess())
        {
            peakMemory = process.PeakWorkingSet64;
        }

        var downloadTime = await TimeDownloadOnlyAsync(host);
        await host.StopAsync();
        Directory.Delete(directory, recursive: true);
        return new BenchResult(run, refreshTime, downloadTime, peakMemory);
    }

    private static IHost BuildHost(Uri sandbox, string directory)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AltPay:SuperOps:UsBaseUrl"] = new Uri(sandbox, "us/msp").ToString(),
            ["AltPay:SuperOps:EuBaseUrl"] = new Uri(sandbox, "eu/msp").ToString(),
            ["AltPay:SuperOps:RequestsPerMinute"] = "1000000",
            ["AltPay:Sync:SchedulingEnabled"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddAltPayData($"Data Source={Path.Combine(directory, "altpay.db")}");
        builder.Services.AddAltPaySync(builder.Configuration);
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(directory, "keys")));
        return builder.Build();
    }

    private static async Task<Guid> CreatePartnerAsync(IHost host)
    {
        var partnerId = Guid.NewGuid();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AltPayDbContext>>().CreateDbContextAsync();
        db.Partners.Add(new Partner { Id = partnerId, Name = "Bench MSP", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return partnerId;
    }

    // The same three listings the refresh reads, with nothing applied: the floor a refresh can reach.
    private static async Task<TimeSpan> TimeDownloadOnlyAsync(IHost host)
    {
        var client = host.Services.GetRequiredService<SuperOpsClientFactory>()
            .Create(new SuperOpsCredentials(Subdomain, Token, SuperOpsRegion.Us));
        var timer = Stopwatch.StartNew();

        await foreach (var _ in client.ListClientsAsync(new SuperOpsListing(), CancellationToken.None))
        {
        }

        await foreach (var _ in client.ListInvoicesAsync(new SuperOpsListing(), includePayments: true, CancellationToken.None))
        {
        }

        await foreach (var _ in client.ListInvoiceLinesAsync(new SuperOpsListing(), CancellationToken.None))
        {
        }

        return timer.Elapsed;
    }
}

internal sealed record BenchResult(SyncRun Run, TimeSpan RefreshTime, TimeSpan DownloadTime, long PeakWorkingSetBytes)
{
    public string Format()
    {
        var invoices = Run.InvoicesCreated;
        return string.Join(Environment.NewLine,
            $"Run status: {Run.Status} ({Run.Error ?? "no error"})",
            $"Customers created: {Run.CustomersCreated}, invoices created: {invoices}, SuperOps requests: {Run.SuperOpsRequests}",
            $"Full refresh wall time: {RefreshTime.TotalSeconds:0.0} s",
            $"Invoices per second: {invoices / RefreshTime.TotalSeconds:0}",
            $"Peak working set: {PeakWorkingSetBytes / (1024 * 1024)} MB",
            $"Download-only time: {DownloadTime.TotalSeconds:0.0} s",
            $"Refresh / download ratio: {RefreshTime.TotalSeconds / DownloadTime.TotalSeconds:0.00}");
    }
}
