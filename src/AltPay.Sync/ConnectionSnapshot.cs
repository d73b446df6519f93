using AltPay.Domain;

namespace AltPay.Sync;

/// <summary>A connection with its last and running runs and the next scheduled times, for the status card and API.</summary>
public sealed record ConnectionSnapshot(
    SuperOpsConnection Connection,
    SyncRun? LastRun,
    SyncRun? RunningRun,
    DateTimeOffset? NextRefreshAt,
    DateTimeOffset? NextSweepAt,
    SyncRun? SweepAwaitingConfirmation);
