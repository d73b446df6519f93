using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AltPay.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AltPay.Web.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer ap_live_...</c> against the stored key hashes. A missing,
/// unknown or revoked key is a 401 problem details response. The principal carries the key's partner
/// and the role Admin, because every key the API creates is an admin key.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IDbContextFactory<AltPayDbContext> dbFactory,
    TimeProvider timeProvider,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    // Writing LastUsedAt on every call would make each read a database write; a minute is precise enough.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;

        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not a Bearer key.");
        }

        var key = header[BearerPrefix.Length..].Trim();

        if (!ApiKeyFormat.IsWellFormed(key))
        {
            return AuthenticateResult.Fail("The API key is not a valid AltPay key.");
        }

        var hash = ApiKeyFormat.Hash(key);
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);

        // Lookup across partners is the point here: the key decides the partner.
        var apiKey = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
            .Where(row => row.Hash == hash)
            .Select(row => new { row.Id, row.PartnerId, row.Name, row.Prefix, row.RevokedAt, row.LastUsedAt, row.Role })
            .SingleOrDefaultAsync(Context.RequestAborted);

        if (apiKey is null || apiKey.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var now = timeProvider.GetUtcNow();

        if (apiKey.LastUsedAt is null || now - apiKey.LastUsedAt.Value >= LastUsedPrecision)
        {
            await db.ApiKeys.IgnoreQueryFilters()
                .Where(row => row.Id == apiKey.Id)
                .ExecuteUpdateAsync(setters => setters.SetProperty(row => row.LastUsedAt, now), Context.RequestAborted);
        }

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, apiKey.Id.ToString("D", CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, $"API key {apiKey.Name} ({apiKey.Prefix}…)"),
            new(PartnerClaims.PartnerId, apiKey.PartnerId.ToString("D", CultureInfo.InvariantCulture)),
            new(ClaimTypes.Role, apiKey.Role),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));

        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure is { } failure
            ? $"{failure.Message} Send a current key as 'Authorization: Bearer ap_live_...'; an admin can create one in the dashboard."
            : "The request has no API key. Send 'Authorization: Bearer ap_live_...' with a key of your partner account.";

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This API key may not perform this action; use an admin key.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
