using System.Security.Cryptography;
using System.Text;
using AltPay.Web.Api.Models;
using AltPay.Web.Auth;
using AltPay.Web.Partners;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AltPay.Web.Api;

/// <summary>Operator endpoints, mapped only when <c>AltPay:OperatorApiKey</c> is set.</summary>
public static class OperatorApi
{
    private const int MaxNameLength = 200;

    public static RouteGroupBuilder MapOperatorApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/operator").AllowAnonymous();

        group.AddEndpointFilter(async (context, next) =>
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<AltPayOptions>>().Value;
            string? header = context.HttpContext.Request.Headers.Authorization;

            if (!IsOperatorKey(header, options.OperatorApiKey))
            {
                context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    detail: "The operator key is missing or wrong; send 'Authorization: Bearer <AltPay:OperatorApiKey>'.");
            }

            return await next(context);
        });

        group.MapPost("/partners", CreatePartner);

        return group;
    }

    private static async Task<Created<CreatePartnerResponse>> CreatePartner(
        CreatePartnerRequest? request,
        PartnerProvisioner provisioner,
        ILogger<PartnerProvisioner> logger,
        CancellationToken cancellationToken)
    {
        var name = request?.Name?.Trim();

        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            throw ApiProblemException.BadRequest(
                "name",
                $"The name '{name}' is invalid; send the partner's name with 1 to {MaxNameLength} characters, such as \"Acme IT\".");
        }

        var adminEmail = $"admin-{GeneratedSecrets.NewSuffix()}@{Slug(name)}.partners.altpay.invalid";
        var created = await provisioner.CreateAsync(
            name, adminEmail, GeneratedSecrets.NewPassword(), ApiKeyFormat.Generate(), cancellationToken);
        Log.OperatorPartnerCreated(logger, created.PartnerId);

        return TypedResults.Created(
            $"/api/v1/operator/partners/{created.PartnerId}",
            new CreatePartnerResponse(created.PartnerId, created.Name, created.ApiKey, created.AdminEmail, created.AdminPassword));
    }

    // Hashing both sides first gives equal lengths, so the comparison time reveals nothing about the key.
    private static bool IsOperatorKey(string? header, string? operatorKey)
    {
        const string bearer = "Bearer ";

        if (string.IsNullOrEmpty(operatorKey) || header is null || !header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(header[bearer.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(operatorKey));
        return CryptographicOperations.FixedTimeEquals(sent, expected);
    }

    private static string Slug(string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return slug.Length == 0 ? "partner" : slug[..Math.Min(slug.Length, 40)].Trim('-');
    }
}
