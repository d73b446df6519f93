using AltPay.Domain;
using Microsoft.Extensions.Logging;

namespace AltPay.Sync;

internal static partial class SyncLog
{
    [LoggerMessage(EventId = 2001, EventName = "Connected", Level = LogLevel.Information,
        Message = "Partner {PartnerId} connected SuperOps (connection {ConnectionId}, subdomain {Subdomain}, region {Region}, invoice payments {InvoicePayments})")]
    public static partial void Connected(ILogger logger, Guid partnerId, Guid connectionId, string subdomain, string region, bool invoicePayments);

    [LoggerMessage(EventId = 2002, EventName = "Disconnected", Level = LogLevel.Information,
        Message = "Partner {PartnerId} disconnected SuperOps (connection {ConnectionId}); the token was erased")]
    public static partial void Disconnected(ILogger logger, Guid partnerId, Guid connectionId);

    [LoggerMessage(EventId = 2003, EventName = "ConnectionCheckFailed", Level = LogLevel.Warning,
        Message = "Checking SuperOps subdomain {Subdomain} failed with code {Code}")]
    public static partial void ConnectionCheckFailed(ILogger logger, Exception exception, string subdomain, string? code);

    [LoggerMessage(EventId = 2010, EventName = "RunStarted", Level = LogLevel.Information,
        Message = "Sync run {RunId} started: {Kind} for partner {PartnerId}, trigger {Trigger}")]
    public static partial void RunStarted(ILogger logger, Guid runId, Guid partnerId, SyncRunKind kind, SyncRunTrigger trigger);

    [LoggerMessage(EventId = 2011, EventName = "RunFinished", Level = LogLevel.Information,
        Message = "Sync run {RunId} ({Kind}) for partner {PartnerId} finished {Status} after {Requests} SuperOps requests: invoices created {Created}, updated {Updated}, unchanged {Unchanged}, conflicts {Conflicts}")]
    public static partial void RunFinished(ILogger logger, Guid runId, Guid partnerId, SyncRunKind kind, SyncRunStatus status, int requests, int created, int updated, int unchanged, int conflicts);

    [LoggerMessage(EventId = 2012, EventName = "RunFailed", Level = LogLevel.Error,
        Message = "Sync run {RunId} ({Kind}) for partner {PartnerId} failed")]
    public static partial void RunFailed(ILogger logger, Exception exception, Guid runId, Guid partnerId, SyncRunKind kind);

    [LoggerMessage(EventId = 2015, EventName = "RunStopped", Level = LogLevel.Information,
        Message = "Sync run {RunId} ({Kind}) for partner {PartnerId} stopped because AltPay is shutting down")]
    public static partial void RunStopped(ILogger logger, Guid runId, Guid partnerId, SyncRunKind kind);

    [LoggerMessage(EventId = 2013, EventName = "RunNotSaved", Level = LogLevel.Error,
        Message = "The outcome of sync run {RunId} for partner {PartnerId} could not be saved")]
    public static partial void RunNotSaved(ILogger logger, Exception exception, Guid runId, Guid partnerId);

    [LoggerMessage(EventId = 2014, EventName = "PageApplied", Level = LogLevel.Debug,
        Message = "Sync run {RunId} applied a page of {Records} {List}; {Read} read so far")]
    public static partial void PageApplied(ILogger logger, Guid runId, string list, int read, int records);

    [LoggerMessage(EventId = 2020, EventName = "Scheduled", Level = LogLevel.Information,
        Message = "Scheduled partner {PartnerId} connection {ConnectionId}: refresh every {RefreshInterval}, sweep every {SweepInterval}")]
    public static partial void Scheduled(ILogger logger, Guid partnerId, Guid connectionId, TimeSpan refreshInterval, TimeSpan sweepInterval);

    [LoggerMessage(EventId = 2021, EventName = "ScheduledRunSkipped", Level = LogLevel.Information,
        Message = "Scheduled {Kind} for partner {PartnerId} skipped: run {RunId} is still in progress")]
    public static partial void ScheduledRunSkipped(ILogger logger, Guid partnerId, SyncRunKind kind, Guid runId);

    [LoggerMessage(EventId = 2022, EventName = "ScheduledRunNotConnected", Level = LogLevel.Warning,
        Message = "Scheduled {Kind} for partner {PartnerId} skipped: SuperOps is not connected")]
    public static partial void ScheduledRunNotConnected(ILogger logger, Guid partnerId, SyncRunKind kind);

    [LoggerMessage(EventId = 2030, EventName = "SweepIncomplete", Level = LogLevel.Warning,
        Message = "Sweep {RunId} for partner {PartnerId} archived nothing: a listing was incomplete ({ClientIds} client ids, {InvoiceIds} invoice ids)")]
    public static partial void SweepIncomplete(ILogger logger, Guid runId, Guid partnerId, int clientIds, int invoiceIds);

    [LoggerMessage(EventId = 2031, EventName = "SweepHeldBack", Level = LogLevel.Warning,
        Message = "Sweep {RunId} for partner {PartnerId} held back {Count} archives, above the limit of {Threshold}; waiting for the partner to confirm")]
    public static partial void SweepHeldBack(ILogger logger, Guid runId, Guid partnerId, int count, int threshold);

    [LoggerMessage(EventId = 2032, EventName = "SweepArchived", Level = LogLevel.Information,
        Message = "Sweep {RunId} for partner {PartnerId} archived {Customers} customers and {Invoices} invoices")]
    public static partial void SweepArchived(ILogger logger, Guid runId, Guid partnerId, int customers, int invoices);

    [LoggerMessage(EventId = 2033, EventName = "SweepResolved", Level = LogLevel.Information,
        Message = "Held-back sweep {RunId} for partner {PartnerId} resolved by the partner (confirmed: {Confirmed})")]
    public static partial void SweepResolved(ILogger logger, Guid runId, Guid partnerId, bool confirmed);
}
