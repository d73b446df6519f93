using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AltPay.Data;
using AltPay.Web.Extensions;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed partial class SecurityTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task ConnectedTokenNeverRendered()
    {
        const string token = "secret-token-7788-abcd";
        await app.CreateSandboxTenantAsync("secret-msp", token, clients: 2, invoicesPerClient: 2, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Secret IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await api.ConnectAndSyncAsync("secret-msp", token);
        var invoiceId = JsonNode.Parse(await api.GetStringAsync("/api/v1/invoices?pageSize=1"))!["items"]![0]!["id"]!.GetValue<string>();
        var customerId = JsonNode.Parse(await api.GetStringAsync("/api/v1/customers?pageSize=1"))!["items"]![0]!["id"]!.GetValue<string>();
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        var paths = DashboardPagePaths(invoiceId, customerId);
        Assert.Contains("/Integrations/SuperOps", paths);
        Assert.Contains("/Settings/AuditLog", paths);
        Assert.Contains($"/Invoices/{invoiceId}", paths);

        foreach (var path in paths)
        {
            using var response = await browser.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"GET {path} returned {response.StatusCode}.");
            Assert.False(html.Contains(token, StringComparison.Ordinal), $"GET {path} rendered the SuperOps token.");
            Assert.False(html.Contains(token[..12], StringComparison.Ordinal), $"GET {path} rendered the start of the SuperOps token.");
        }

        Assert.Contains("ends in abcd", await browser.GetStringAsync("/Integrations/SuperOps"));
        Assert.DoesNotContain(token, await api.GetStringAsync("/api/v1/integrations/superops"));
    }

    [Fact]
    public async Task TokenEncryptedInDataDirectory()
    {
        const string token = "rest-token-4455-wxyz";
        await app.CreateSandboxTenantAsync("rest-msp", token, clients: 1, invoicesPerClient: 1, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("At Rest IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await api.ConnectAndSyncAsync("rest-msp", token);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>().ForPartner(partner.Id);
            var connection = await db.Connections.AsNoTracking().SingleAsync();
            Assert.NotNull(connection.ProtectedToken);
            Assert.DoesNotContain(token, connection.ProtectedToken);
            Assert.Equal("wxyz", connection.TokenLastFour);
        }

        var keyFiles = Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"), "key-*.xml");
        Assert.NotEmpty(keyFiles);

        foreach (var file in Directory.GetFiles(app.DataDirectory, "*", SearchOption.AllDirectories))
        {
            // The database may be written to while this reads it, so open it shared.
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            var content = await reader.ReadToEndAsync();
            Assert.False(content.Contains(token, StringComparison.Ordinal), $"{Path.GetFileName(file)} contains the SuperOps token in plain text.");
        }
    }

    [Fact]
    public async Task PageResponseHasSecurityHeaders()
    {
        var partner = await app.CreatePartnerAsync("Headers IT");
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        using var response = await browser.GetAsync("/Settings/Users");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
            "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
            response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS was sent over plain HTTP.");
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineHandlerOrStyle(), html);
    }

    [Fact]
    public async Task EveryPageFormHasAntiforgeryToken()
    {
        var partner = await app.CreatePartnerAsync("Forms IT");
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        foreach (var path in new[] { "/", "/Settings/Users", "/Settings/ApiKeys", "/Settings/Password", "/Settings/AuditLog" })
        {
            var html = await browser.GetStringAsync(path);
            var forms = FormElement().Matches(html);

            Assert.NotEmpty(forms);
            Assert.All(forms, form => Assert.Contains("name=\"__RequestVerificationToken\"", form.Value));
        }
    }

    [Fact]
    public async Task SettingsPostWithoutAntiforgeryIs400()
    {
        var partner = await app.CreatePartnerAsync("No Token IT");
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        using var response = await browser.PostAsync("/Settings/ApiKeys?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Forged",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Forged", await browser.GetStringAsync("/Settings/ApiKeys"));
    }

    [Fact]
    public async Task CookiesAreHttpOnlyAndStrict()
    {
        using var browser = app.CreateBrowserClient();

        using var response = await browser.GetAsync("/signin");

        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var attributes = antiforgery.Split(';').Skip(1).Select(attribute => attribute.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);

        // Secure follows the request scheme, and this request is plain HTTP on loopback.
        Assert.DoesNotContain("secure", attributes);
    }

    [Fact]
    public void HstsOnlyOverHttps()
    {
        var https = new DefaultHttpContext();
        https.Request.Scheme = "https";
        var http = new DefaultHttpContext();
        http.Request.Scheme = "http";

        SecurityHeadersExtensions.AddSecurityHeaders(https);
        SecurityHeadersExtensions.AddSecurityHeaders(http);

        Assert.Equal("max-age=31536000; includeSubDomains", https.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal("", http.Response.Headers.StrictTransportSecurity.ToString());
    }

    /// <summary>
    /// Returns the path of every Razor page the host maps, with route values filled in, so that a page
    /// added later is checked too. A route value other than an invoice or customer id fails the test.
    /// </summary>
    private List<string> DashboardPagePaths(string invoiceId, string customerId)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var paths = new List<string>();

        foreach (var endpoint in endpoints.Where(endpoint => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null))
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var path = RouteParameter().Replace(template, match => template.StartsWith("/Invoices/", StringComparison.OrdinalIgnoreCase)
                ? invoiceId
                : template.StartsWith("/Customers/", StringComparison.OrdinalIgnoreCase)
                    ? customerId
                    : throw new InvalidOperationException($"The page route {template} has a value this test cannot fill; add it here."));
            paths.Add(path);
        }

        return paths.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\s(on[a-z]+|style)=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerOrStyle();

    [GeneratedRegex("<form[^>]*method=\"post\".*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();
}
