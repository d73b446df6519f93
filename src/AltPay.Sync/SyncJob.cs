using AltPay.Domain;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AltPay.Sync;

/// <summary>A scheduled refresh or sweep of one connection.</summary>
[DisallowConcurrentExecution]
public sealed class SyncJob(SyncRunCoordinator coordinator, ILogger<SyncJob> logger) : IJob
{
    public const string PartnerIdKey = "partnerId";
    public const string KindKey = "kind";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var partnerId = Guid.Parse(context.MergedJobDataMap.GetString(PartnerIdKey)!);
        var kind = Enum.Parse<SyncRunKind>(context.MergedJobDataMap.GetString(KindKey)!);

        try
        {
            var start = await coordinator.StartAsync(partnerId, kind, SyncRunTrigger.Schedule, cancellationToken);
            if (start.AlreadyRunning)
            {
                SyncLog.ScheduledRunSkipped(logger, partnerId, kind, start.RunId);
                return;
            }

            await start.Completion.WaitAsync(cancellationToken);
        }
        catch (NotConnectedException)
        {
            SyncLog.ScheduledRunNotConnected(logger, partnerId, kind);
        }
    }
}
