using AltPay.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AltPay.Sync.Tests;

/// <summary>A run in progress when the engine shuts down.</summary>
public sealed class RunShutdownTests
{
    [Fact]
    public async Task Refresh_EngineStops_RecordsStop()
    {
        await using var host = await SyncTestHost.StartAsync(settings: values => values["AltPay:SuperOps:RequestsPerMinute"] = "5");
        var runId = await StopDuringRefreshAsync(host);

        await using var db = await host.DbAsync();
        var run = await db.SyncRuns.AsNoTracking().SingleAsync(row => row.Id == runId);

        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.Equal("AltPay stopped during the run. The pages already read are kept; the next run reads SuperOps again.", run.Error);
    }

    [Fact]
    public async Task Refresh_EngineStops_LogsNoError()
    {
        await using var host = await SyncTestHost.StartAsync(settings: values => values["AltPay:SuperOps:RequestsPerMinute"] = "5");
        var logs = host.Host.Services.GetFakeLogCollector();

        await StopDuringRefreshAsync(host);

        Assert.DoesNotContain(logs.GetSnapshot(), record => record.Level >= LogLevel.Error);
    }

    // Connecting uses the four requests per minute left to refreshes, so the next refresh waits for the
    // request limit until the engine stops.
    private static async Task<Guid> StopDuringRefreshAsync(SyncTestHost host)
    {
        await host.ConnectAsync();
        var start = await host.Get<SyncRunCoordinator>().StartAsync(host.PartnerId, SyncRunKind.Refresh, SyncRunTrigger.Manual, CancellationToken.None);
        await host.WaitForProgressAsync(start.RunId, progress => progress.StartsWith("Waiting", StringComparison.Ordinal));

        await host.RestartEngineAsync();
        return start.RunId;
    }
}
