using AltPay.Domain;
using AltPay.Sync;

namespace AltPay.Web.Api.Models;

public sealed record SyncRunResponse(
    Guid Id,
    string Kind,
    string Trigger,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int CustomersCreated,
    int CustomersUpdated,
    int CustomersArchived,
    int CustomersRestored,
    int InvoicesCreated,
    int InvoicesUpdated,
    int InvoicesUnchanged,
    int InvoicesArchived,
    int InvoicesRestored,
    int Conflicts,
    int SuperOpsRequests,
    string? Error);

public sealed record RunStartedResponse(Guid RunId);

// The token itself never leaves AltPay; only its last four characters do.
public sealed record ConnectionResponse(
    string Status,
    string Subdomain,
    string Region,
    string Currency,
    string? TokenLastFour,
    DateTimeOffset ConnectedAt,
    SyncRunResponse? LastRun,
    DateTimeOffset? NextRefreshAt,
    DateTimeOffset? NextSweepAt,
    string? Error,
    CapabilitiesResponse Capabilities);

public sealed record CapabilitiesResponse(bool InvoicePayments);

public sealed record ConnectRequestBody(string? Subdomain, string? ApiToken, string? Region, string? Currency);

public static class SyncMapping
{
    public static SyncRunResponse ToResponse(this SyncRun run) => new(
        run.Id,
        run.Kind.ToApiName(),
        run.Trigger.ToApiName(),
        run.Status.ToApiName(),
        run.StartedAt,
        run.FinishedAt,
        run.CustomersCreated,
        run.CustomersUpdated,
        run.CustomersArchived,
        run.CustomersRestored,
        run.InvoicesCreated,
        run.InvoicesUpdated,
        run.InvoicesUnchanged,
        run.InvoicesArchived,
        run.InvoicesRestored,
        run.Conflicts,
        run.SuperOpsRequests,
        run.Error);

    public static ConnectionResponse ToResponse(this ConnectionSnapshot snapshot)
    {
        var connection = snapshot.Connection;

        return new ConnectionResponse(
            connection.Status.ToApiName(),
            connection.Subdomain,
            connection.Region,
            connection.Currency,
            connection.TokenLastFour,
            connection.ConnectedAt,
            snapshot.LastRun?.ToResponse(),
            snapshot.NextRefreshAt,
            snapshot.NextSweepAt,
            connection.Error,
            new CapabilitiesResponse(connection.InvoicePayments));
    }
}
