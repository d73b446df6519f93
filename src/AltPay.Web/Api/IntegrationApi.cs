using System.Security.Claims;
using AltPay.Domain;
using AltPay.Sync;
using AltPay.Web.Api.Models;
using AltPay.Web.Audit;
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
        group.MapPost("/sync", (ClaimsPrincipal user, SyncRunCoordinator runs, AuditLog audit, string? wait, CancellationToken cancellationToken) =>
                StartRun(user, runs, audit, SyncRunKind.Refresh, wait, cancellationToken))
            .RequireAuthorization(AuthorizationPolicies.Operate);
        group.MapPost("/sweep", (ClaimsPrincipal user, SyncRunCoordinator runs, AuditLog audit, string? wait, CancellationToken cancellationToken) =>
                StartRun(user, runs, audit, SyncRunKind.Sweep, wait, cancellationToken))
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
        AuditLog audit,
        ILogger<ConnectionService> logger,
        CancellationToken cancellationToken)
    {
        var partnerId = user.GetPartnerId();
        var connectRequest = new ConnectRequest(request?.Subdomain, request?.ApiToken, request?.Region, request?.Currency);

        var connection = await connections.ConnectAsync(partnerId, connectRequest, cancellationToken);
        Log.ConnectionSaved(logger, partnerId, connection.Id);
        await audit.WriteAsync(partnerId, AuditActions.ConnectionConnected, connection.Subdomain,
            $"region {connection.Region}, token ending {connection.TokenLastFour}", cancellationToken);

        var snapshot = await connections.GetAsync(partnerId, cancellationToken) ?? throw NeverConnected();
        return TypedResults.Ok(snapshot.ToResponse());
    }

    private static async Task<NoContent> Disconnect(
        ClaimsPrincipal user, ConnectionService connections, AuditLog audit, CancellationToken cancellationToken)
    {
        var partnerId = user.GetPartnerId();

        if (!await connections.DisconnectAsync(partnerId, cancellationToken))
        {
            throw NeverConnected();
        }

        await audit.WriteAsync(partnerId, AuditActions.ConnectionDisconnected, "SuperOps", "token erased", cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<SyncRunResponse>, Accepted<RunStartedResponse>>> StartRun(
        ClaimsPrincipal user, SyncRunCoordinator runs, AuditLog audit, SyncRunKind kind, string? wait, CancellationToken cancellationToken)
    {
        var waitForRun = ApiInput.ParseBool(wait, "wait") ?? false;
        var partnerId = user.GetPartnerId();
        var start = await runs.StartAsync(partnerId, kind, SyncRunTrigger.Manual, cancellationToken);
        var action = kind == SyncRunKind.Sweep ? AuditActions.SweepRequested : AuditActions.SyncRequested;
        await audit.WriteAsync(partnerId, action, $"run {start.RunId}", start.AlreadyRunning ? "already running" : null, cancellationToken);

        if (start.AlreadyRunning)
        {
            var runningKind = runs.FindRunningById(start.RunId)?.Kind ?? kind;
            throw ApiProblemException.Conflict(
                $"A {runningKind.ToApiName()} run ({start.RunId}) is already in progress for this connection; wait for it to finish, then try again.",
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
        string runId, ClaimsPrincipal user, SyncRunCoordinator runs, AuditLog audit, CancellationToken cancellationToken)
    {
        var run = await runs.ConfirmSweepAsync(user.GetPartnerId(), ApiInput.ParseId(runId, "runId"), cancellationToken);
        await audit.WriteAsync(run.PartnerId, AuditActions.SweepConfirmed, $"run {run.Id}", null, cancellationToken);
        return TypedResults.Ok(run.ToResponse());
    }

    private static async Task<Ok<SyncRunResponse>> DismissSweep(
        string runId, ClaimsPrincipal user, SyncRunCoordinator runs, AuditLog audit, CancellationToken cancellationToken)
    {
        var run = await runs.DismissSweepAsync(user.GetPartnerId(), ApiInput.ParseId(runId, "runId"), cancellationToken);
        await audit.WriteAsync(run.PartnerId, AuditActions.SweepDismissed, $"run {run.Id}", null, cancellationToken);
        return TypedResults.Ok(run.ToResponse());
    }

    private static ApiProblemException NeverConnected() =>
        new(StatusCodes.Status404NotFound, "SuperOps has never been connected to this account; connect it with PUT /api/v1/integrations/superops.");
}
