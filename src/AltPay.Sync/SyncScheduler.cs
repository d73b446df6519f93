using AltPay.Data;
using AltPay.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace AltPay.Sync;

/// <summary>
/// Keeps one Quartz refresh trigger and one sweep trigger per connected partner. Sweeps start half an
/// interval after refreshes, so that with equal intervals the two take turns instead of colliding.
/// </summary>
public sealed class SyncScheduler(
    ISchedulerFactory schedulerFactory,
    IOptions<SyncOptions> options,
    IDbContextFactory<AltPayDbContext> dbFactory,
    TimeProvider timeProvider,
    ILogger<SyncScheduler> logger) : IHostedService
{
    private const string Group = "altpay-sync";

    public async Task ScheduleAsync(SuperOpsConnection connection, CancellationToken cancellationToken)
    {
        if (!options.Value.SchedulingEnabled)
        {
            return;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var refresh = options.Value.RefreshInterval;
        var sweep = options.Value.SweepInterval;

        await ScheduleJobAsync(scheduler, connection, SyncRunKind.Refresh, refresh, now + refresh, cancellationToken);
        await ScheduleJobAsync(scheduler, connection, SyncRunKind.Sweep, sweep, now + sweep / 2, cancellationToken);
        SyncLog.Scheduled(logger, connection.PartnerId, connection.Id, refresh, sweep);
    }

    public async Task UnscheduleAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(JobKeyFor(connectionId, SyncRunKind.Refresh), cancellationToken);
        await scheduler.DeleteJob(JobKeyFor(connectionId, SyncRunKind.Sweep), cancellationToken);
    }

    /// <summary>Returns when the next scheduled refresh and sweep of a connection fire, or nulls when none is scheduled.</summary>
    public async Task<(DateTimeOffset? Refresh, DateTimeOffset? Sweep)> GetNextRunsAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        if (!options.Value.SchedulingEnabled)
        {
            return (null, null);
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var refresh = await scheduler.GetTrigger(TriggerKeyFor(connectionId, SyncRunKind.Refresh), cancellationToken);
        var sweep = await scheduler.GetTrigger(TriggerKeyFor(connectionId, SyncRunKind.Sweep), cancellationToken);
        return (refresh?.NextFireTimeUtc, sweep?.NextFireTimeUtc);
    }

    /// <summary>Schedules every connection that is not disconnected, after a restart.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connections = await db.Connections.IgnoreQueryFilters().AsNoTracking()
            .Where(connection => connection.Status != ConnectionStatus.Disconnected)
            .ToListAsync(cancellationToken);

        foreach (var connection in connections)
        {
            await ScheduleAsync(connection, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task ScheduleJobAsync(
        IScheduler scheduler,
        SuperOpsConnection connection,
        SyncRunKind kind,
        TimeSpan interval,
        DateTimeOffset firstRun,
        CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<SyncJob>()
            .WithIdentity(JobKeyFor(connection.Id, kind))
            .UsingJobData(SyncJob.PartnerIdKey, connection.PartnerId.ToString())
            .UsingJobData(SyncJob.KindKey, kind.ToString())
            .Build();

        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKeyFor(connection.Id, kind))
            .StartAt(firstRun)
            .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever())
            .Build();

        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
    }

    private static JobKey JobKeyFor(Guid connectionId, SyncRunKind kind) => new($"{kind}-{connectionId}", Group);

    private static TriggerKey TriggerKeyFor(Guid connectionId, SyncRunKind kind) => new($"{kind}-{connectionId}", Group);
}
