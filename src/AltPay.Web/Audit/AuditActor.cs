using System.Security.Claims;
using AltPay.Web.Auth;

namespace AltPay.Web.Audit;

/// <summary>Who performed an audited action: a dashboard user, an API key, or nobody signed in.</summary>
public sealed record AuditActor(string? UserId, Guid? ApiKeyId, string? Name)
{
    public static readonly AuditActor Anonymous = new(null, null, null);

    /// <summary>Returns the actor of an authenticated principal, or <see cref="Anonymous"/>.</summary>
    public static AuditActor From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } identity)
        {
            return Anonymous;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);

        if (identity.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
        {
            return new AuditActor(null, Guid.TryParse(id, out var keyId) ? keyId : null, identity.Name);
        }

        return new AuditActor(id, null, identity.Name);
    }
}
