using System.Security.Claims;

namespace AltPay.Web.Auth;

public static class PartnerClaims
{
    /// <summary>Claim carrying the partner a signed-in user or an API key belongs to.</summary>
    public const string PartnerId = "altpay:partner_id";

    /// <summary>Returns the partner of an authenticated principal; throws when the claim is missing.</summary>
    public static Guid GetPartnerId(this ClaimsPrincipal principal)
    {
        var value = principal.FindFirstValue(PartnerId);

        return Guid.TryParse(value, out var partnerId)
            ? partnerId
            : throw new InvalidOperationException("The signed-in principal has no partner claim.");
    }
}
