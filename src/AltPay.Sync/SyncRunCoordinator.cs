using AltPay.Data;
using AltPay.Domain;
using AltPay.SuperOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltPay.Sync;

/// <summary>
/// Starts refreshes and sweeps in the background, at most one run per connection at a time, records
/// each run's outcome, and turns a rejected token into a connection error the partner can act on.
/// </summary>
public sealed class SyncRunCoordinator(
    IDbContextFactory<AltPayDbContext> dbFactory,
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    ILogger<SyncRunCoordinator> logger) : IHostedService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, ActiveRun> _activeByConnection = [];
    // Never disposed, because the host may stop this service after disposing it. A token source
    // without a timer keeps no resource that needs releasing.
    private readonly CancellationTokenSource _stopping = new();

    public async Task<SyncRunStart> StartAsync(Guid partnerId, SyncRunKind kind, SyncRunTrigger trigger, CancellationToken cancellationToken)
    {
        var connection = await LoadConnectionAsync(partnerId, cancellationToken);
        var run = new SyncRun
        {
            Id = Guid.NewGuid(),
            PartnerId = partnerId,
            ConnectionId = connection.Id,
            Kind = kind,
            Trigger = trigger,
            Status = SyncRunStatus.Running,
            StartedAt = timeProvider.GetUtcNow(),
            Progress = "Starting",
        };
        var completion = new TaskCompletionSource<SyncRun>(TaskCreationOptions.RunContinuationsAsynchronously);

        lock (_gate)
        {
            if (_activeByConnection.TryGetValue(connection.Id, out var active))
            {
                return new SyncRunStart(active.Run.Id, AlreadyRunning: true, active.Completion.Task);
            }

            _activeByConnection[connection.Id] = new ActiveRun(run, completion);
        }

        try
        {
            await SaveRunAsync(run, isNew: true, cancellationToken);
        }
        catch
        {
            Release(connection.Id);
            throw;
        }

        SyncLog.RunStarted(logger, run.Id, partnerId, kind, trigger);
        _ = Task.Run(() => ExecuteAsync(run, connection, completion), CancellationToken.None);
        return new SyncRunStart(run.Id, AlreadyRunning: false, completion.Task);
    }

    /// <summary>Archives what a sweep held back by the circuit breaker. Throws when the run does not await confirmation.</summary>
    public Task<SyncRun> ConfirmSweepAsync(Guid partnerId, Guid runId, CancellationToken cancellationToken) =>
        ResolveHeldBackSweepAsync(partnerId, runId, confirm: true, cancellationToken);

    /// <summary>Drops what a sweep held back; nothing is archived.</summary>
    public Task<SyncRun> DismissSweepAsync(Guid partnerId, Guid runId, CancellationToken cancellationToken) =>
        ResolveHeldBackSweepAsync(partnerId, runId, confirm: false, cancellationToken);

    /// <summary>Returns the run in progress for a connection, with its live counts, or null.</summary>
    public SyncRun? FindRunning(Guid connectionId)
    {
        lock (_gate)
        {
            return _activeByConnection.TryGetValue(connectionId, out var active) ? active.Run : null;
        }
    }

    /// <summary>Returns a run in progress by id, with its live counts, or null when it is not running here.</summary>
    public SyncRun? FindRunningById(Guid runId)
    {
        lock (_gate)
        {
            return _activeByConnection.Values.Select(active => active.Run).FirstOrDefault(run => run.Id == runId);
        }
    }

    /// <summary>Marks runs left running by a previous process as failed, since nothing will finish them.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stale = await db.SyncRuns.IgnoreQueryFilters()
            .Where(run => run.Status == SyncRunStatus.Running)
            .ToListAsync(cancellationToken);

        foreach (var run in stale)
        {
            run.Status = SyncRunStatus.Failed;
            run.FinishedAt = timeProvider.GetUtcNow();
            run.Error = "AltPay stopped while this run was in progress. The next run reads SuperOps again.";
        }

        foreach (var partnerRuns in stale.GroupBy(run => run.PartnerId))
        {
            await using var scoped = await dbFactory.CreateDbContextAsync(cancellationToken);
            scoped.ForPartner(partnerRuns.Key);
            scoped.SyncRuns.UpdateRange(partnerRuns);
            await scoped.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();

        Task[] running;
        lock (_gate)
        {
            running = _activeByConnection.Values.Select(active => (Task)active.Completion.Task).ToArray();
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task<SyncRun> ResolveHeldBackSweepAsync(Guid partnerId, Guid runId, bool confirm, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(partnerId);

        var run = await db.SyncRuns.SingleOrDefaultAsync(row => row.Id == runId, cancellationToken)
            ?? throw new SyncRunNotFoundException(runId);
        if (run.Kind != SyncRunKind.Sweep || run.Status != SyncRunStatus.AwaitingConfirmation)
        {
            throw new SyncRunStateException(runId, $"Sync run {runId} is not a sweep awaiting confirmation (its status is {StatusName(run.Status)}).");
        }

        var resolution = new TaskCompletionSource<SyncRun>(TaskCreationOptions.RunContinuationsAsynchronously);

        lock (_gate)
        {
            if (_activeByConnection.TryGetValue(run.ConnectionId, out var active))
            {
                throw new SyncRunStateException(active.Run.Id, $"Run {active.Run.Id} of this connection is in progress; try again when it has finished.");
            }

            _activeByConnection[run.ConnectionId] = new ActiveRun(run, resolution);
        }

        try
        {
            if (confirm)
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SweepRunner>().ConfirmAsync(run, cancellationToken);
            }
            else
            {
                run.Status = SyncRunStatus.Succeeded;
                run.HeldBack = null;
                run.Error = null;
                run.Progress = "Dismissed by the partner: nothing archived";
            }

            await db.SaveChangesAsync(cancellationToken);
            SyncLog.SweepResolved(logger, runId, partnerId, confirm);
            return run;
        }
        finally
        {
            Release(run.ConnectionId);
            resolution.TrySetResult(run);
        }
    }

    private async Task<SuperOpsConnection> LoadConnectionAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(partnerId);

        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (connection is null || connection.Status == ConnectionStatus.Disconnected || connection.ProtectedToken is null)
        {
            throw new NotConnectedException();
        }

        return connection;
    }

    private async Task ExecuteAsync(SyncRun run, SuperOpsConnection connection, TaskCompletionSource<SyncRun> completion)
    {
        string? connectionError = null;

        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();

            if (run.Kind == SyncRunKind.Refresh)
            {
                await scope.ServiceProvider.GetRequiredService<RefreshRunner>().RunAsync(run, connection, _stopping.Token);
            }
            else
            {
                await scope.ServiceProvider.GetRequiredService<SweepRunner>().RunAsync(run, connection, _stopping.Token);
            }
        }
        catch (SuperOpsAuthenticationException exception)
        {
            connectionError = ConnectionService.RejectedTokenMessage;
            Fail(run, exception, connectionError);
        }
        catch (TokenUnreadableException exception)
        {
            connectionError = TokenUnreadableException.Text;
            Fail(run, exception, connectionError);
        }
        catch (SuperOpsSubdomainException exception)
        {
            connectionError = $"SuperOps no longer accepts the subdomain '{connection.Subdomain}'. Check it under Settings > My MSP > MSP Information and connect again.";
            Fail(run, exception, connectionError);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // A shutdown, not a failure of the run, so it is logged as information without a stack trace.
            run.Status = SyncRunStatus.Failed;
            run.Error = "AltPay stopped during the run. The pages already read are kept; the next run reads SuperOps again.";
            SyncLog.RunStopped(logger, run.Id, run.PartnerId, run.Kind);
        }
        catch (Exception exception) when (exception is SuperOpsException or SyncDataException or NotConnectedException or DbUpdateException)
        {
            Fail(run, exception, $"{exception.Message} {WhatWasKept(run)}");
        }
        catch (Exception exception)
        {
            // A defect rather than a SuperOps or data problem. Nothing awaits this background task, so the
            // run records the failure and the log keeps the exception.
            Fail(run, exception, $"The run stopped on an unexpected error ({exception.GetType().Name}). {WhatWasKept(run)} If it happens again, contact AltPay support with run id {run.Id}.");
        }
        finally
        {
            await FinishAsync(run, connection, connectionError, completion);
        }
    }

    private static string WhatWasKept(SyncRun run) => run.Kind == SyncRunKind.Refresh
        ? "The pages already read are kept; the next refresh tries again."
        : "Nothing was archived; the next sweep tries again.";

    // The API's spelling, such as awaiting_confirmation, which partners see in run listings.
    private static string StatusName(SyncRunStatus status) => status switch
    {
        SyncRunStatus.AwaitingConfirmation => "awaiting_confirmation",
        _ => status.ToString().ToLowerInvariant(),
    };

    private void Fail(SyncRun run, Exception exception, string error)
    {
        run.Status = SyncRunStatus.Failed;
        run.Error = error;
        SyncLog.RunFailed(logger, exception, run.Id, run.PartnerId, run.Kind);
    }

    private async Task FinishAsync(SyncRun run, SuperOpsConnection connection, string? connectionError, TaskCompletionSource<SyncRun> completion)
    {
        try
        {
            run.FinishedAt = timeProvider.GetUtcNow();
            if (run.Status == SyncRunStatus.Running)
            {
                run.Status = SyncRunStatus.Failed;
                run.Error ??= "The run ended without an outcome.";
            }

            await SaveRunAsync(run, isNew: false, CancellationToken.None);
            await SetConnectionStateAsync(connection, run, connectionError);
            SyncLog.RunFinished(logger, run.Id, run.PartnerId, run.Kind, run.Status, run.SuperOpsRequests,
                run.InvoicesCreated, run.InvoicesUpdated, run.InvoicesUnchanged, run.Conflicts);
        }
        catch (Exception exception)
        {
            SyncLog.RunNotSaved(logger, exception, run.Id, run.PartnerId);
        }
        finally
        {
            Release(connection.Id);
            completion.TrySetResult(run);
        }
    }

    // A rejected token puts the connection in error; the next run that gets through clears it.
    private async Task SetConnectionStateAsync(SuperOpsConnection connection, SyncRun run, string? connectionError)
    {
        var succeeded = run.Status is SyncRunStatus.Succeeded or SyncRunStatus.Incomplete or SyncRunStatus.AwaitingConfirmation;
        if (connectionError is null && !succeeded)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        db.ForPartner(connection.PartnerId);

        var stored = await db.Connections.SingleOrDefaultAsync(row => row.Id == connection.Id);
        if (stored is null || stored.Status == ConnectionStatus.Disconnected)
        {
            return;
        }

        var status = connectionError is null ? ConnectionStatus.Connected : ConnectionStatus.Error;
        if (stored.Status == status && stored.Error == connectionError)
        {
            return;
        }

        stored.Status = status;
        stored.Error = connectionError;
        stored.UpdatedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync();
    }

    private async Task SaveRunAsync(SyncRun run, bool isNew, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(run.PartnerId);

        if (isNew)
        {
            db.SyncRuns.Add(run);
        }
        else
        {
            db.SyncRuns.Update(run);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void Release(Guid connectionId)
    {
        lock (_gate)
        {
            _activeByConnection.Remove(connectionId);
        }
    }

    private sealed record ActiveRun(SyncRun Run, TaskCompletionSource<SyncRun> Completion);
}
