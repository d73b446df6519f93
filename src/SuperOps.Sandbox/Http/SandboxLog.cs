using Microsoft.Extensions.Logging;

namespace SuperOps.Sandbox.Http;

internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 1, EventName = "TenantCreated", Level = LogLevel.Information,
        Message = "Sandbox tenant {Subdomain} created in region {Region} with {Clients} clients, {Invoices} invoices and {Lines} lines")]
    public static partial void TenantCreated(ILogger logger, string subdomain, string region, int clients, int invoices, int lines);

    [LoggerMessage(EventId = 2, EventName = "SubdomainRejected", Level = LogLevel.Information,
        Message = "Sandbox request on region {Region} rejected with HTTP 400: subdomain {Subdomain} is missing, unknown or in the other region")]
    public static partial void SubdomainRejected(ILogger logger, string region, string subdomain);

    [LoggerMessage(EventId = 3, EventName = "TokenRejected", Level = LogLevel.Information,
        Message = "Sandbox request for tenant {Subdomain} rejected with HTTP 401: bearer token missing or wrong")]
    public static partial void TokenRejected(ILogger logger, string subdomain);

    [LoggerMessage(EventId = 4, EventName = "RateLimited", Level = LogLevel.Information,
        Message = "Sandbox tenant {Subdomain} throttled {Operation}: {Limit} requests per minute reached")]
    public static partial void RateLimited(ILogger logger, string subdomain, string operation, int limit);

    [LoggerMessage(EventId = 5, EventName = "FaultInjected", Level = LogLevel.Information,
        Message = "Sandbox tenant {Subdomain} injected fault {Kind} into {Operation} page {Page}")]
    public static partial void FaultInjected(ILogger logger, string subdomain, string kind, string operation, int? page);

    [LoggerMessage(EventId = 6, EventName = "ResolverFailed", Level = LogLevel.Error,
        Message = "Sandbox tenant {Subdomain} failed to execute {Operation}")]
    public static partial void ResolverFailed(ILogger logger, Exception exception, string subdomain, string operation);

    [LoggerMessage(EventId = 7, EventName = "AdminDisabled", Level = LogLevel.Warning,
        Message = "Sandbox admin API is not mapped because the host environment is Production")]
    public static partial void AdminDisabled(ILogger logger);
}
