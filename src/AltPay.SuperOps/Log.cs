using Microsoft.Extensions.Logging;

namespace AltPay.SuperOps;

// Log lines carry operation names, page numbers, attempt counts and error codes only: never the API token,
// variables or response bodies.
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "SuperOpsRetry", Level = LogLevel.Warning,
        Message = "SuperOps {Operation} page {Page} attempt {Attempt} failed with {Code}; retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, int? page, int attempt, string? code, long delayMs);

    [LoggerMessage(EventId = 2, EventName = "SuperOpsRequestFailed", Level = LogLevel.Error,
        Message = "SuperOps {Operation} page {Page} failed after {Attempts} attempts with {Code}")]
    public static partial void RequestFailed(ILogger logger, string operation, int? page, int attempts, string? code);

    [LoggerMessage(EventId = 3, EventName = "SuperOpsListingFinished", Level = LogLevel.Debug,
        Message = "SuperOps {Operation} listing read {Pages} pages, {Records} records, {DistinctIds} distinct ids of totalCount {TotalCountAtStart} -> {TotalCountAtEnd}; complete: {Complete}")]
    public static partial void ListingFinished(ILogger logger, string operation, int pages, int records, int distinctIds, int? totalCountAtStart, int? totalCountAtEnd, bool complete);

    [LoggerMessage(EventId = 4, EventName = "SuperOpsIntrospectionUnavailable", Level = LogLevel.Information,
        Message = "SuperOps rejected introspection of Invoice ({Code}); assuming the documented schema without invoice payments")]
    public static partial void IntrospectionUnavailable(ILogger logger, string? code);
}
