using System.Globalization;
using System.Security.Claims;
using AltPay.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AltPay.Web.Auth;

/// <summary>Adds the user's partner to the sign-in cookie, so each request carries its partner without a query.</summary>
internal sealed class PartnerClaimsPrincipalFactory(
    UserManager<PartnerUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PartnerUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PartnerUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PartnerClaims.PartnerId, user.PartnerId.ToString("D", CultureInfo.InvariantCulture)));
        return identity;
    }
}
