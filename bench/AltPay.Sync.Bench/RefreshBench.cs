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

/// <summary>
/// Times full first refreshes, each into a new database, and downloads of the same pages without
/// applying them, in alternating rounds. Run-to-run spread on a shared machine is about a fifth of
/// the time, so the figures reported are the medians of the rounds.
/// </summary>
internal static class RefreshBench
{
    public const string Subdomain = "bench";
    public const string Token = "bench-token-31c9";

    public static async Task<BenchResult> RunAsync(Uri sandbox, int rounds)
    {
        // The sandbox's first pass over a tenant is several times slower than later ones, from JIT
        // and its caches, and real SuperOps is always warm. One untimed pass comes first, so the
        // refresh and the download-only pass both meet a warm sandbox.
        var warmUp = await TimeDownloadOnlyAsync(sandbox);
        Console.WriteLine($"Warm-up download: {warmUp.TotalSeconds:0.0} s (not timed)");

        var refreshes = new List<(SyncRun Run, TimeSpan Time)>();
        var downloads = new List<TimeSpan>();

        for (var round = 1; round <= rounds; round++)
        {
            // Returns the memory of earlier rounds to the system, so the peak is that of one refresh.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

            refreshes.Add(await TimeRefreshAsync(sandbox));
            downloads.Add(await TimeDownloadOnlyAsync(sandbox));
            Console.WriteLine($"Round {round}: refresh {refreshes[^1].Time.TotalSeconds:0.0} s, download-only {downloads[^1].TotalSeconds:0.0} s");
        }

        using var process = Process.GetCurrentProcess();
        return new BenchResult(refreshes, downloads, process.PeakWorkingSet64);
    }

    private static async Task<(SyncRun Run, TimeSpan Time)> TimeRefreshAsync(Uri sandbox)
    {
        var directory = Directory.CreateTempSubdirectory("altpay-bench-").FullName;
        try
        {
            using var host = BuildHost(sandbox, directory);
            await host.Services.MigrateAltPayDatabaseAsync();
            await host.StartAsync();

            var partnerId = await CreatePartnerAsync(host);
            using var scope = host.Services.CreateScope();
            var connections = scope.ServiceProvider.GetRequiredService<ConnectionService>();

            var timer = Stopwatch.StartNew();
            await connections.ConnectAsync(partnerId, new ConnectRequest(Subdomain, Token, "us", "USD"), CancellationToken.None);
            var start = await host.Services.GetRequiredService<SyncRunCoordinator>().StartAsync(partnerId, SyncRunKind.Refresh, SyncRunTrigger.Manual, CancellationToken.None);
            var run = await start.Completion;
            var time = timer.Elapsed;

            await host.StopAsync();
            return (run, time);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
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
    private static async Task<TimeSpan> TimeDownloadOnlyAsync(Uri sandbox)
    {
        var directory = Directory.CreateTempSubdirectory("altpay-bench-").FullName;
        using var host = BuildHost(sandbox, directory);
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

        var time = timer.Elapsed;
        Directory.Delete(directory, recursive: true);
        return time;
    }
}

internal sealed record BenchResult(List<(SyncRun Run, TimeSpan Time)> Refreshes, List<TimeSpan> Downloads, long PeakWorkingSetBytes)
{
    public string Format()
    {
        var run = Refreshes[0].Run;
        var refresh = Median(Refreshes.Select(refresh => refresh.Time));
        var download = Median(Downloads);

        return string.Join(Environment.NewLine,
            $"Run status: {run.Status} ({run.Error ?? "no error"})",
            $"Customers created: {run.CustomersCreated}, invoices created: {run.InvoicesCreated}, SuperOps requests: {run.SuperOpsRequests}",
            $"Rounds: {Refreshes.Count} (figures are medians)",
            $"Full refresh wall time: {refresh.TotalSeconds:0.0} s",
            $"Invoices per second: {run.InvoicesCreated / refresh.TotalSeconds:0}",
            $"Peak working set: {PeakWorkingSetBytes / (1024 * 1024)} MB",
            $"Download-only time: {download.TotalSeconds:0.0} s",
            $"Refresh / download ratio: {refresh.TotalSeconds / download.TotalSeconds:0.00}");
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
