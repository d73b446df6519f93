using System.Security.Claims;
using AltPay.Data;
using AltPay.Web.Api.Models;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Api;

public static class ConflictsApi
{
    public static RouteGroupBuilder MapConflictsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/conflicts");

        group.MapGet("/", ListConflicts);
        group.MapPost("/{id}/resolve", ResolveConflict).RequireAuthorization(AuthorizationPolicies.Operate);

        return group;
    }

    /// <summary>Lists conflicts newest first; without <c>resolved</c> both kinds are listed.</summary>
    private static async Task<Ok<List<ConflictResponse>>> ListConflicts(
        string? resolved, AltPayDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var resolvedFilter = ApiInput.ParseBool(resolved, "resolved");

        db.ForPartner(user.GetPartnerId());
        var query = db.Conflicts.AsNoTracking();

        if (resolvedFilter is { } wanted)
        {
            query = query.Where(conflict => conflict.Resolved == wanted);
        }

        var conflicts = await query
            .OrderByDescending(conflict => conflict.DetectedAt).ThenBy(conflict => conflict.Id)
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(conflicts.Select(conflict => conflict.ToResponse()).ToList());
    }

    private static async Task<Ok<ConflictResponse>> ResolveConflict(
        string id, AltPayDbContext db, ClaimsPrincipal user, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var conflictId = ApiInput.ParseId(id);

        db.ForPartner(user.GetPartnerId());
        var conflict = await db.Conflicts.SingleOrDefaultAsync(row => row.Id == conflictId, cancellationToken)
            ?? throw ApiProblemException.NotFound("conflict", conflictId);

        if (!conflict.Resolved)
        {
            conflict.Resolved = true;
            conflict.ResolvedAt = timeProvider.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(conflict.ToResponse());
    }
}
