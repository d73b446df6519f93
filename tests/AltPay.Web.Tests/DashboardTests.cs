using System.Net;
using AltPay.Data;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed class DashboardTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task SignInPageRendersFormAndHeaders()
    {
        using var browser = app.CreateBrowserClient();

        using var response = await browser.GetAsync("/signin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Contains("name=\"Email\"", html);
        Assert.Contains("name=\"Password\"", html);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task PagesNeedSignIn()
    {
        using var browser = app.CreateBrowserClient();

        using var response = await browser.GetAsync("/Invoices");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?ReturnUrl=%2FInvoices", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignInOpensOverview()
    {
        var partner = await app.CreatePartnerAsync("Sign In IT");
        using var browser = app.CreateBrowserClient();

        using var signIn = await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("AltPay.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        foreach (var page in new[] { "/", "/Integrations/SuperOps", "/Customers", "/Invoices" })
        {
            using var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task WrongPasswordShowsError()
    {
        var partner = await app.CreatePartnerAsync("Wrong Password IT");
        using var browser = app.CreateBrowserClient();

        using var response = await browser.SignInAsync(partner.AdminEmail, "not-the-password-1A!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is wrong", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FiveFailuresLockAccount()
    {
        var partner = await app.CreatePartnerAsync("Lockout IT");
        using var browser = app.CreateBrowserClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await browser.SignInAsync(partner.AdminEmail, "not-the-password-1A!");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var response = await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account is locked after too many failed sign-ins", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthReturns200()
    {
        using var browser = app.CreateBrowserClient();

        using var response = await browser.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FormPostWithoutAntiforgeryIs400()
    {
        var partner = await app.CreatePartnerAsync("Antiforgery IT");
        using var browser = app.CreateBrowserClient();

        using var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = partner.AdminEmail,
            ["Password"] = partner.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RejectedTokenShowsBesideField()
    {
        await app.CreateSandboxTenantAsync("form-msp", "form-token-2468", clients: 1, invoicesPerClient: 1, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Form IT");
        using var browser = app.CreateBrowserClient();
        using (await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword))
        {
        }

        var token = await browser.ReadAntiforgeryTokenAsync("/Integrations/SuperOps");
        using var response = await browser.PostAsync("/Integrations/SuperOps?handler=Connect", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Subdomain"] = "form-msp",
            ["ApiToken"] = "wrong-token-1357",
            ["Region"] = "us",
            ["Currency"] = "USD",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("<span id=\"apiToken-error\" class=\"field-error\">[^<]*SuperOps rejected", html);
        Assert.DoesNotContain("wrong-token-1357", html);
    }

    [Fact]
    public async Task ConnectFormImportsAndShowsInvoices()
    {
        await app.CreateSandboxTenantAsync("page-msp", "page-token-8642", clients: 2, invoicesPerClient: 2, linesPerInvoice: 2);
        var partner = await app.CreatePartnerAsync("Page IT");
        using var browser = app.CreateBrowserClient();
        using (await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword))
        {
        }

        var token = await browser.ReadAntiforgeryTokenAsync("/Integrations/SuperOps");
        using var connect = await browser.PostAsync("/Integrations/SuperOps?handler=Connect", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Subdomain"] = "page-msp",
            ["ApiToken"] = "page-token-8642",
            ["Region"] = "us",
            ["Currency"] = "USD",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, connect.StatusCode);

        using var api = app.CreateApiClient(partner.ApiKey);
        await SyncHelper.SyncAndWaitAsync(api);
        var invoices = await api.GetStringAsync("/api/v1/invoices?pageSize=1");
        var invoiceId = System.Text.Json.Nodes.JsonNode.Parse(invoices)!["items"]![0]!["id"]!.GetValue<string>();

        var integration = await browser.GetStringAsync("/Integrations/SuperOps");
        var invoicePage = await browser.GetStringAsync($"/Invoices/{invoiceId}");

        Assert.Contains("page-msp", integration);
        Assert.Contains("ends in 8642", integration);
        Assert.DoesNotContain("page-token-8642", integration);
        Assert.Contains("Sync now", integration);
        Assert.Contains("<h2>Lines</h2>", invoicePage);
        Assert.Contains("<h2>Timeline</h2>", invoicePage);
    }

    [Fact]
    public async Task OtherPartnersInvoicePageIs404()
    {
        var owner = await app.CreatePartnerAsync("Owner IT");
        var other = await app.CreatePartnerAsync("Other IT");
        using var api = app.CreateApiClient(owner.ApiKey);
        var customerId = (await api.CreateCustomerAsync("Owned Dental"))["id"]!.GetValue<string>();
        var invoiceId = (await api.CreateInvoiceAsync(customerId))["id"]!.GetValue<string>();
        using var browser = app.CreateBrowserClient();
        using (await browser.SignInAsync(other.AdminEmail, other.AdminPassword))
        {
        }

        using var response = await browser.GetAsync($"/Invoices/{invoiceId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MemberCanSyncButNotConnect()
    {
        await app.CreateSandboxTenantAsync("member-msp", "member-token-1122", clients: 1, invoicesPerClient: 1, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Member IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await api.ConnectAndSyncAsync("member-msp", "member-token-1122");
        using var browser = await SignInWithRoleAsync(partner.Id, "member@member-it.example", PartnerRoles.Member);

        var token = await browser.ReadAntiforgeryTokenAsync("/Integrations/SuperOps");
        var html = await browser.GetStringAsync("/Integrations/SuperOps");
        using var connect = await browser.PostAsync("/Integrations/SuperOps?handler=Connect", Form(token));
        using var disconnect = await browser.PostAsync("/Integrations/SuperOps?handler=Disconnect", Form(token));
        using var sync = await browser.PostAsync("/Integrations/SuperOps?handler=Sync", Form(token));

        Assert.DoesNotContain("Check and save", html);
        Assert.Contains("Sync now", html);
        Assert.Equal(HttpStatusCode.Forbidden, connect.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, disconnect.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, sync.StatusCode);
    }

    [Fact]
    public async Task ReadOnlyUserCannotConnect()
    {
        var partner = await app.CreatePartnerAsync("Read Only IT");
        using var browser = await SignInWithRoleAsync(partner.Id, "viewer@read-only-it.example", PartnerRoles.ReadOnly);

        var token = await browser.ReadAntiforgeryTokenAsync("/Integrations/SuperOps");
        var html = await browser.GetStringAsync("/Integrations/SuperOps");
        using var connect = await browser.PostAsync("/Integrations/SuperOps?handler=Connect", Form(token));
        using var sync = await browser.PostAsync("/Integrations/SuperOps?handler=Sync", Form(token));
        using var disconnect = await browser.PostAsync("/Integrations/SuperOps?handler=Disconnect", Form(token));

        Assert.DoesNotContain("Check and save", html);
        Assert.DoesNotContain("Sync now", html);
        Assert.Equal(HttpStatusCode.Forbidden, connect.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sync.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, disconnect.StatusCode);
    }

    [Fact]
    public async Task SignOutEndsSession()
    {
        var partner = await app.CreatePartnerAsync("Sign Out IT");
        using var browser = app.CreateBrowserClient();
        using (await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword))
        {
        }

        var token = await browser.ReadAntiforgeryTokenAsync("/");
        using var signOut = await browser.PostAsync("/SignOut", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        using var after = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/signin", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
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

        var browser = app.CreateBrowserClient();
        using var signIn = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    private static FormUrlEncodedContent Form(string antiforgeryToken) => new(new Dictionary<string, string>
    {
        ["Subdomain"] = "anything",
        ["ApiToken"] = "anything-1234",
        ["Region"] = "us",
        ["Currency"] = "USD",
        ["__RequestVerificationToken"] = antiforgeryToken,
    });
}
