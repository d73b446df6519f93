using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Sync.Tests;

/// <summary>The refresh and the sweep of one connection never run at the same time.</summary>
public sealed class SweepOverlapTests
{
    [Fact]
    public async Task SweepDuringRefresh_ReturnsRunningRefresh()
    {
        var hook = new SweepRequestHook();
        await using var host = await SyncTestHost.StartAsync(services: hook.AddTo);
        await host.ConnectAsync();
        var requestHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseRequest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hook.OnRequest(async (request, cancellationToken) =>
        {
            if (request.Operation == "getInvoiceList" && requestHeld.TrySetResult())
            {
                await releaseRequest.Task.WaitAsync(cancellationToken);
            }
        });
        var coordinator = host.Get<SyncRunCoordinator>();

        var refresh = await coordinator.StartAsync(host.PartnerId, SyncRunKind.Refresh, SyncRunTrigger.Manual, CancellationToken.None);
        await requestHeld.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var sweep = await coordinator.StartAsync(host.PartnerId, SyncRunKind.Sweep, SyncRunTrigger.Manual, CancellationToken.None);
        releaseRequest.SetResult();
        var finished = await refresh.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        await using var db = await host.DbAsync();
        Assert.False(refresh.AlreadyRunning);
        Assert.True(sweep.AlreadyRunning);
        Assert.Equal(refresh.RunId, sweep.RunId);
        Assert.Equal(SyncRunStatus.Succeeded, finished.Status);
        Assert.Equal(SyncRunKind.Refresh, (await sweep.Completion).Kind);
        Assert.Equal(0, await db.SyncRuns.CountAsync(run => run.Kind == SyncRunKind.Sweep));
    }
}
