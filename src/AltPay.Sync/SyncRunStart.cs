using AltPay.Domain;

namespace AltPay.Sync;

/// <summary>
/// The outcome of asking for a run. When a run of the connection is already in progress,
/// <see cref="AlreadyRunning"/> is true and <see cref="RunId"/> names that run (HTTP 409).
/// </summary>
public sealed record SyncRunStart(Guid RunId, bool AlreadyRunning, Task<SyncRun> Completion);
