using AltPay.Sync;
using AltPay.Web.Api.Models;
using AltPay.Web.Auth;

namespace AltPay.Web.Dashboard;

/// <summary>Live state of the partner's run, as the Sync now progress polls it once a second.</summary>
public sealed record SyncStatusResponse(bool Running, Guid? RunId, string? Progress, int RecordsRead, string? LastRunStatus);

public static class SyncStatusEndpoint
{
    public const string Path = "/dashboard/sync-status";

    /// <summary>Maps the status JSON behind the dashboard's sign-in cookie (not an API key).</summary>
    public static IEndpointConventionBuilder MapSyncStatusEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext context, ConnectionService connections, CancellationToken cancellationToken) =>
            {
                var snapshot = await connections.GetAsync(context.User.GetPartnerId(), cancellationToken);
                var running = snapshot?.RunningRun;

                return TypedResults.Ok(new SyncStatusResponse(
                    running is not null,
                    running?.Id,
                    running?.Progress,
                    running?.RecordsRead ?? 0,
                    snapshot?.LastRun?.Status.ToApiName()));
            })
            .RequireAuthorization();
}
