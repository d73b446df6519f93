using System.Security.Claims;
using AltPay.Domain;
using AltPay.Sync;
using AltPay.Web.Api.Models;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AltPay.Web.Api;

public static class IntegrationApi
{
    public static RouteGroupBuilder MapIntegrationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/integrations/superops");

        group.MapGet("/", GetConnection);
        group.MapPut("/", Connect).RequireAuthorization(AuthorizationPolicies.ManageConnection);
        group.MapDelete("/", Disconnect).RequireAuthorization(AuthorizationPolicies.ManageConnection);
        group.MapPost("/sync", (ClaimsPrincipal user, SyncRunCoordinator runs, string? wait, CancellationToken cancellationToken) =>
                StartRun(user, runs, SyncRunKind.Refresh, wait, cancellationToken))
            .RequireAuthorization(AuthorizationPolicies.Operate);
        group.MapPost("/sweep", (ClaimsPrincipal user, SyncRunCoordinator runs, string? wait, CancellationToken cancellationToken) =>
                StartRun(user, runs, SyncRunKind.Sweep, wait, cancellationToken))
            .RequireAuthorization(AuthorizationPolicies.ManageConnection);
        group.MapPost("/sweep/{runId}/confirm", ConfirmSweep).RequireAuthorization(AuthorizationPolicies.ManageConnection);
        group.MapPost("/sweep/{runId}/dismiss", DismissSweep).RequireAuthorization(AuthorizationPolicies.ManageConnection);

        return group;
    }

    private static async Task<Ok<ConnectionResponse>> GetConnection(
        ClaimsPrincipal user, ConnectionService connections, CancellationToken cancellationToken)
    {
        var snapshot = await connections.GetAsync(user.GetPartnerId(), cancellationToken) ?? throw NeverConnected();
        return TypedResults.Ok(snapshot.ToResponse());
    }

    private static async Task<Ok<ConnectionResponse>> Connect(
        ConnectRequestBody? request,
        ClaimsPrincipal user,
        ConnectionService connections,
        ILogger<ConnectionService> logger,
        CancellationToken cancellationToken)
    {
        var partnerId = user.GetPartnerId();
        var connectRequest = new ConnectRequest(request?.Subdomain, request?.ApiToken, request?.Region, request?.Currency);

        var connection = await connections.ConnectAsync(partnerId, connectRequest, cancellationToken);
        Log.ConnectionSaved(logger, partnerId, connection.Id);

        var snapshot = await connections.GetAsync(partnerId, cancellationToken) ?? throw NeverConnected();
        return TypedResults.Ok(snapshot.ToResponse());
    }

    private static async Task<NoContent> Disconnect(
        ClaimsPrincipal user, ConnectionService connections, CancellationToken cancellationToken)
    {
        return await connections.DisconnectAsync(user.GetPartnerId(), cancellationToken)
            ? TypedResults.NoContent()
            : throw NeverConnected();
    }

    private static async Task<Results<Ok<SyncRunResponse>, Accepted<RunStartedResponse>>> StartRun(
        ClaimsPrincipal user, SyncRunCoordinator runs, SyncRunKind kind, string? wait, CancellationToken cancellationToken)
    {
        var waitForRun = ApiInput.ParseBool(wait, "wait") ?? false;
        var start = await runs.StartAsync(user.GetPartnerId(), kind, SyncRunTrigger.Manual, cancellationToken);

        if (start.AlreadyRunning)
        {
            throw ApiProblemException.Conflict(
                $"A {kind.ToApiName()} run ({start.RunId}) is already in progress for this connection; wait for it to finish, then try again.",
                new Dictionary<string, object?> { ["runId"] = start.RunId });
        }

        if (!waitForRun)
        {
            return TypedResults.Accepted($"/api/v1/sync-runs/{start.RunId}", new RunStartedResponse(start.RunId));
        }

        var run = await start.Completion.WaitAsync(cancellationToken);
        return TypedResults.Ok(run.ToResponse());
    }

    private static async Task<Ok<SyncRunResponse>> ConfirmSweep(
        string runId, ClaimsPrincipal user, SyncRunCoordinator runs, CancellationToken cancellationToken)
    {
        var run = await runs.ConfirmSweepAsync(user.GetPartnerId(), ApiInput.ParseId(runId, "runId"), cancellationToken);
        return TypedResults.Ok(run.ToResponse());
    }

    private static async Task<Ok<SyncRunResponse>> DismissSweep(
        string runId, ClaimsPrincipal user, SyncRunCoordinator runs, CancellationToken cancellationToken)
    {
        var run = await runs.DismissSweepAsync(user.GetPartnerId(), ApiInput.ParseId(runId, "runId"), cancellationToken);
        return TypedResults.Ok(run.ToResponse());
    }

    private static ApiProblemException NeverConnected() =>
        new(StatusCodes.Status404NotFound, "SuperOps has never been connected to this account; connect it with PUT /api/v1/integrations/superops.");
}
