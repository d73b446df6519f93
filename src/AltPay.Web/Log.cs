namespace AltPay.Web;

/// <summary>Log messages of the host. Ids and counts only: never tokens, keys or passwords.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "UnhandledException", Level = LogLevel.Error,
        Message = "Request {Method} {Path} failed with an unhandled exception")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 2, EventName = "DemoTenantSeeded", Level = LogLevel.Information,
        Message = "Seeded sandbox tenant {Subdomain}: {Clients} clients, {Invoices} invoices, {Lines} lines")]
    public static partial void DemoTenantSeeded(ILogger logger, string subdomain, int clients, int invoices, int lines);

    [LoggerMessage(EventId = 3, EventName = "BootstrapPartnerCreated", Level = LogLevel.Information,
        Message = "Created partner {PartnerId} with its first admin user and API key")]
    public static partial void BootstrapPartnerCreated(ILogger logger, Guid partnerId);

    [LoggerMessage(EventId = 4, EventName = "BootstrapKeyAdded", Level = LogLevel.Information,
        Message = "Added the configured bootstrap API key to partner {PartnerId}")]
    public static partial void BootstrapKeyAdded(ILogger logger, Guid partnerId);

    [LoggerMessage(EventId = 5, EventName = "OperatorPartnerCreated", Level = LogLevel.Information,
        Message = "Operator created partner {PartnerId}")]
    public static partial void OperatorPartnerCreated(ILogger logger, Guid partnerId);

    [LoggerMessage(EventId = 6, EventName = "SignedIn", Level = LogLevel.Information,
        Message = "User {UserId} of partner {PartnerId} signed in")]
    public static partial void SignedIn(ILogger logger, string userId, Guid partnerId);

    [LoggerMessage(EventId = 7, EventName = "SignInFailed", Level = LogLevel.Warning,
        Message = "A sign-in failed; locked out: {LockedOut}")]
    public static partial void SignInFailed(ILogger logger, bool lockedOut);

    [LoggerMessage(EventId = 8, EventName = "ConnectionSaved", Level = LogLevel.Information,
        Message = "Partner {PartnerId} saved its SuperOps connection {ConnectionId}")]
    public static partial void ConnectionSaved(ILogger logger, Guid partnerId, Guid connectionId);

    [LoggerMessage(EventId = 9, EventName = "ConnectionCheckFailed", Level = LogLevel.Warning,
        Message = "Partner {PartnerId} could not connect SuperOps: {Reason}")]
    public static partial void ConnectionCheckFailed(ILogger logger, Guid partnerId, string reason);

    [LoggerMessage(EventId = 10, EventName = "RequestRejected", Level = LogLevel.Information,
        Message = "Request {Method} {Path} returned {Status} because of {ExceptionType}")]
    public static partial void RequestRejected(ILogger logger, string method, string path, int status, string exceptionType);
}
