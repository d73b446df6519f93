using System.Threading.RateLimiting;
using AltPay.Data;
using AltPay.Web.Audit;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Identity;

namespace AltPay.Web.Extensions;

public static class AuthExtensions
{
    /// <summary>
    /// Registers Identity with cookie sign-in for the dashboard, the API-key scheme for the REST API,
    /// the role policies and the sign-in rate limit.
    /// </summary>
    public static void AddAltPayAuth(this WebApplicationBuilder builder, AltPayOptions altPayOptions)
    {
        var services = builder.Services;

        services.AddIdentity<PartnerUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = AltPayOptionsValidator.MinimumPasswordLength;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AltPayDbContext>()
            .AddClaimsPrincipalFactory<PartnerClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "AltPay.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/signin";
            options.LogoutPath = "/signout";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;

            // A role failure on the dashboard is a plain 403, not a redirect to a page that does not exist.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // The antiforgery and TempData cookies follow the sign-in cookie: HTTP-only, same-site only, and
        // Secure whenever the request came over HTTPS.
        services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // A removed user, a changed role or a changed password ends other sessions within a minute
        // instead of Identity's default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAltPayAudit();

        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Api, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(PartnerClaims.PartnerId))
            .AddPolicy(AuthorizationPolicies.ManageConnection, policy => policy.RequireRole(PartnerRoles.Admin))
            .AddPolicy(AuthorizationPolicies.Operate, policy => policy.RequireRole(PartnerRoles.Admin, PartnerRoles.Member));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // Only posted sign-in attempts count; showing the form is free.
            options.AddPolicy(AuthorizationPolicies.SignInRateLimit, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = altPayOptions.SignInAttemptsPerMinute,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("form"));
        });
    }

    /// <summary>Creates the roles Admin, Member and Read-only when they are missing.</summary>
    public static async Task EnsureAltPayRolesAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        foreach (var role in PartnerRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
