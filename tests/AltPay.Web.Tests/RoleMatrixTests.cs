using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using AltPay.Data;
using AltPay.Web.Auth;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

/// <summary>
/// Who may change what: Admin everything; Member payments, refunds, retries, syncs and edits but not the
/// connection or sweeps; Read-only nothing. The API side checks each mutating endpoint's policy and what
/// each policy lets each role do, and RoleMatrixApiKeyTests calls them with Member and Read-only keys.
/// The dashboard side posts to every page handler as each role.
/// </summary>
public sealed class RoleMatrixTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    private const string Operate = AuthorizationPolicies.Operate;
    private const string Manage = AuthorizationPolicies.ManageConnection;

    // Every mutating endpoint under /api/v1 must be listed here with its policy.
    private static readonly Dictionary<string, string> ApiPolicies = new(StringComparer.Ordinal)
    {
        ["PUT /api/v1/integrations/superops"] = Manage,
        ["DELETE /api/v1/integrations/superops"] = Manage,
        ["POST /api/v1/integrations/superops/sync"] = Operate,
        ["POST /api/v1/integrations/superops/sweep"] = Manage,
        ["POST /api/v1/integrations/superops/sweep/{runId}/confirm"] = Manage,
        ["POST /api/v1/integrations/superops/sweep/{runId}/dismiss"] = Manage,
        ["PUT /api/v1/integrations/superops/payment-methods"] = Manage,
        ["POST /api/v1/customers"] = Operate,
        ["POST /api/v1/invoices"] = Operate,
        ["PATCH /api/v1/invoices/{id}"] = Operate,
        ["POST /api/v1/invoices/{id}/payments"] = Operate,
        ["POST /api/v1/invoices/{id}/write-back/retry"] = Operate,
        ["POST /api/v1/payments/{id}/refund"] = Operate,
        ["POST /api/v1/conflicts/{id}/resolve"] = Operate,
    };

    private static readonly string[] RequiredApiEndpoints =
    [
        "POST /api/v1/integrations/superops/sweep",
        "POST /api/v1/integrations/superops/sweep/{runId}/confirm",
        "POST /api/v1/integrations/superops/sweep/{runId}/dismiss",
        "POST /api/v1/invoices/{id}/payments",
        "POST /api/v1/invoices/{id}/write-back/retry",
        "POST /api/v1/payments/{id}/refund",
    ];

    [Fact]
    public void ApiEndpointsCarryRolePolicies()
    {
        app.Start();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var found = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];

            if (!pattern.StartsWith("/api/v1/", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/operator", StringComparison.Ordinal))
            {
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).ToList();

            foreach (var method in methods.Where(method => method is "POST" or "PUT" or "PATCH" or "DELETE"))
            {
                var key = $"{method} {pattern}";
                Assert.True(ApiPolicies.ContainsKey(key), $"{key} is not in the role matrix; add it with its policy.");
                Assert.Contains(AuthorizationPolicies.Api, policies);
                Assert.Contains(ApiPolicies[key], policies);
                found[key] = ApiPolicies[key];
            }
        }

        foreach (var required in RequiredApiEndpoints)
        {
            Assert.True(found.ContainsKey(required), $"{required} is not mapped.");
        }
    }

    [Theory]
    [InlineData(PartnerRoles.Admin, Operate, true)]
    [InlineData(PartnerRoles.Admin, Manage, true)]
    [InlineData(PartnerRoles.Member, Operate, true)]
    [InlineData(PartnerRoles.Member, Manage, false)]
    [InlineData(PartnerRoles.ReadOnly, Operate, false)]
    [InlineData(PartnerRoles.ReadOnly, Manage, false)]
    public async Task PolicyAllowsRole(string role, string policy, bool allowed)
    {
        app.Start();
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PartnerClaims.PartnerId, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, role)], "Test"));

        var result = await authorization.AuthorizeAsync(principal, resource: null, policy);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public async Task AdminKeyReachesEveryMutatingEndpoint()
    {
        var partner = await app.CreatePartnerAsync("Admin Key Matrix IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Matrix Dental", 100.00m);
        var unknown = Guid.NewGuid();
        var requests = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Post, "/api/v1/integrations/superops/sync", null),
            (HttpMethod.Post, "/api/v1/integrations/superops/sweep", null),
            (HttpMethod.Post, $"/api/v1/integrations/superops/sweep/{unknown}/confirm", null),
            (HttpMethod.Post, $"/api/v1/integrations/superops/sweep/{unknown}/dismiss", null),
            (HttpMethod.Delete, "/api/v1/integrations/superops", null),
            (HttpMethod.Post, $"/api/v1/invoices/{invoiceId}/payments", new { amount = 1.00m, method = "cash" }),
            (HttpMethod.Post, $"/api/v1/invoices/{invoiceId}/write-back/retry", null),
            (HttpMethod.Post, $"/api/v1/payments/{unknown}/refund", null),
            (HttpMethod.Post, $"/api/v1/conflicts/{unknown}/resolve", null),
            (HttpMethod.Patch, $"/api/v1/invoices/{invoiceId}", new { dueDate = "2099-01-31" }),
        };

        foreach (var (method, url, body) in requests)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await api.SendAsync(request);

            Assert.True(response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), $"{method} {url} answered {response.StatusCode}.");
            Assert.True((int)response.StatusCode < 500, $"{method} {url} answered {response.StatusCode}.");
        }
    }

    [Fact]
    public async Task PageHandlersCheckRoles()
    {
        var partner = await app.CreatePartnerAsync("Page Matrix IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Page Matrix Dental", 100.00m);
        using var seeded = await api.PayAsync(invoiceId, 10.00m);
        var paymentId = (await seeded.ReadJsonAsync())["id"]!.GetValue<string>();
        var unknown = Guid.NewGuid().ToString();
        var handlers = new (string Url, Dictionary<string, string> Form, string[] Allowed)[]
        {
            ($"/Invoices/{invoiceId}?handler=Pay", new() { ["Amount"] = "1.00", ["Method"] = "cash" }, [PartnerRoles.Admin, PartnerRoles.Member]),
            ($"/Invoices/{invoiceId}?handler=Refund", new() { ["paymentId"] = paymentId }, [PartnerRoles.Admin, PartnerRoles.Member]),
            ($"/Invoices/{invoiceId}?handler=Retry", new(), [PartnerRoles.Admin, PartnerRoles.Member]),
            ("/Conflicts?handler=Resolve", new() { ["conflictId"] = unknown }, [PartnerRoles.Admin, PartnerRoles.Member]),
            ("/Review?handler=Reviewed", new() { ["invoiceId"] = unknown }, [PartnerRoles.Admin, PartnerRoles.Member]),
            ("/Review?handler=Confirm", new() { ["runId"] = unknown }, [PartnerRoles.Admin]),
            ("/Review?handler=Dismiss", new() { ["runId"] = unknown }, [PartnerRoles.Admin]),
            ("/Integrations/SuperOps?handler=Sync", new(), [PartnerRoles.Admin, PartnerRoles.Member]),
            ("/Integrations/SuperOps?handler=Sweep", new(), [PartnerRoles.Admin]),
            ("/Integrations/SuperOps?handler=Disconnect", new(), [PartnerRoles.Admin]),
            ("/Integrations/SuperOps?handler=Connect", new() { ["Subdomain"] = "no-such-matrix-msp", ["ApiToken"] = "matrix-token-1234", ["Region"] = "us", ["Currency"] = "USD" }, [PartnerRoles.Admin]),
        };
        var browsers = new Dictionary<string, HttpClient>
        {
            [PartnerRoles.Admin] = await SignInAsync(partner.AdminEmail, partner.AdminPassword),
            [PartnerRoles.Member] = await SignInWithRoleAsync(partner.Id, "member@page-matrix.example", PartnerRoles.Member),
            [PartnerRoles.ReadOnly] = await SignInWithRoleAsync(partner.Id, "viewer@page-matrix.example", PartnerRoles.ReadOnly),
        };

        foreach (var (role, browser) in browsers)
        {
            var token = await browser.ReadAntiforgeryTokenAsync("/Conflicts");

            foreach (var (url, form, allowed) in handlers)
            {
                using var response = await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(form)
                {
                    ["__RequestVerificationToken"] = token,
                }));

                if (allowed.Contains(role))
                {
                    Assert.True(response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.BadRequest), $"{role} POST {url} answered {response.StatusCode}.");
                    Assert.True((int)response.StatusCode < 500, $"{role} POST {url} answered {response.StatusCode}.");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} POST {url} answered {response.StatusCode}, expected 403.");
                }
            }
        }

        foreach (var browser in browsers.Values)
        {
            browser.Dispose();
        }

        // Admin and Member each paid 1.00 and the seeded 10.00 was refunded once; Read-only changed nothing.
        var invoice = await api.GetInvoiceAsync(invoiceId);
        Assert.Equal(98.00m, invoice["outstandingBalance"]!.GetValue<decimal>());
        var payments = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/v1/invoices/{invoiceId}/payments");
        Assert.Equal(3, payments!.Count);
    }

    private async Task<HttpClient> SignInAsync(string email, string password)
    {
        var browser = app.CreateBrowserClient();
        using var signIn = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    private async Task<HttpClient> SignInWithRoleAsync(Guid partnerId, string email, string role)
    {
        const string password = "Role-user-password-42";

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PartnerUser>>();
            var user = new PartnerUser { PartnerId = partnerId, UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return await SignInAsync(email, password);
    }
}
