using System.Security.Claims;
using AltPay.Data;
using AltPay.Web.Api.Models;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Api;

public static class SyncRunsApi
{
    private const int DefaultLimit = 20;

    private const int MaxLimit = 100;

    public static RouteGroupBuilder MapSyncRunsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sync-runs");

        group.MapGet("/", ListRuns);
        group.MapGet("/{id}", GetRun);

        return group;
    }

    private static async Task<Ok<List<SyncRunResponse>>> ListRuns(
        string? limit, AltPayDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var count = ApiInput.ParseInt(limit, "limit", 1, MaxLimit, DefaultLimit);

        db.ForPartner(user.GetPartnerId());
        var runs = await db.SyncRuns.AsNoTracking()
            .OrderByDescending(run => run.StartedAt).ThenBy(run => run.Id)
            .Take(count)
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(runs.Select(run => run.ToResponse()).ToList());
    }

    private static async Task<Ok<SyncRunResponse>> GetRun(
        string id, AltPayDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var runId = ApiInput.ParseId(id);

        db.ForPartner(user.GetPartnerId());
        var run = await db.SyncRuns.AsNoTracking().SingleOrDefaultAsync(row => row.Id == runId, cancellationToken)
            ?? throw ApiProblemException.NotFound("sync run", runId);

        return TypedResults.Ok(run.ToResponse());
    }
}
