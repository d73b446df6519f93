using AltPay.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Sync.Tests;

/// <summary>Runs of one connection never overlap: a run requested while another runs gets that run instead.</summary>
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

    [Fact]
    public async Task SweepDuringConfirm_CompletesWithConfirm()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 10, invoicesPerClient: 10, linesPerInvoice: 1);
        await host.ConnectAsync();
        foreach (var id in (await host.ImportedInvoiceIdsAsync()).Take(SweepRunner.CircuitBreakerMinimum + 1))
        {
            await host.DeleteInvoiceInSuperOpsAsync(id);
        }

        var heldBack = await host.SweepAsync();
        var coordinator = host.Get<SyncRunCoordinator>();

        // A write transaction on another connection keeps the confirm waiting to save its archive.
        await using var blocker = new SqliteConnection($"Data Source={host.DatabasePath}");
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var command = blocker.CreateCommand())
        {
            command.CommandText = "UPDATE Partners SET Name = Name";
            await command.ExecuteNonQueryAsync();
        }

        // SQLite commands block the calling thread while they wait for the lock, so the confirm gets its own.
        var confirm = Task.Run(() => coordinator.ConfirmSweepAsync(host.PartnerId, heldBack.Id, CancellationToken.None));
        await WaitUntilAsync(() => coordinator.FindRunningById(heldBack.Id) is not null);
        var sweep = await coordinator.StartAsync(host.PartnerId, SyncRunKind.Sweep, SyncRunTrigger.Manual, CancellationToken.None);
        await transaction.RollbackAsync();
        var confirmed = await confirm.WaitAsync(TimeSpan.FromSeconds(60));
        var sweepWait = await Record.ExceptionAsync(() => sweep.Completion.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(SyncRunStatus.AwaitingConfirmation, heldBack.Status);
        Assert.True(sweep.AlreadyRunning);
        Assert.Equal(heldBack.Id, sweep.RunId);
        Assert.Equal(SyncRunStatus.Succeeded, confirmed.Status);
        Assert.Null(sweepWait);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 30 s.");
            await Task.Delay(10);
        }
    }
}
