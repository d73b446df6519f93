using System.Data.Common;
using AltPay.Data;
using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Audit;

/// <summary>
/// Writes audit log rows. Each write uses a context of its own, so it never saves a caller's pending
/// changes. A failed write is logged as an error and not raised, because the audited action has
/// already happened and a 500 would make the caller repeat it.
/// </summary>
public sealed class AuditLog(
    IDbContextFactory<AltPayDbContext> dbFactory,
    IHttpContextAccessor httpContextAccessor,
    TimeProvider timeProvider,
    ILogger<AuditLog> logger)
{
    /// <summary>Writes an entry whose actor is the signed-in user or API key of the current request.</summary>
    public Task WriteAsync(Guid partnerId, string action, string target, string? detail, CancellationToken cancellationToken) =>
        WriteAsync(partnerId, AuditActor.From(httpContextAccessor.HttpContext?.User), action, target, detail, cancellationToken);

    /// <summary>Writes an entry with an explicit actor, for sign-in, where the request has no user yet.</summary>
    public async Task WriteAsync(
        Guid partnerId, AuditActor actor, string action, string target, string? detail, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry
        {
            Id = Guid.NewGuid(),
            PartnerId = partnerId,
            At = timeProvider.GetUtcNow(),
            ActorUserId = actor.UserId,
            ApiKeyId = actor.ApiKeyId,
            ActorName = actor.Name,
            Action = action,
            Target = target,
            Detail = detail,
        };

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.ForPartner(partnerId);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            Log.AuditWriteFailed(logger, exception, action, partnerId);
        }
    }

    /// <summary>Returns the partner's newest entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListNewestAsync(Guid partnerId, int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(partnerId);

        return await db.AuditEntries.AsNoTracking()
            .OrderByDescending(entry => entry.At)
            .ThenByDescending(entry => entry.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
    }
}
