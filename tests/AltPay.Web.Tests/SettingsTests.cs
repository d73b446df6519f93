using System.Net;
using System.Text.RegularExpressions;
using AltPay.Data;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed partial class SettingsTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    private const string UserPassword = "Settings-user-password-42";

    public static TheoryData<string> NonAdminRoles => new() { PartnerRoles.Member, PartnerRoles.ReadOnly };

    [Theory]
    [MemberData(nameof(NonAdminRoles))]
    public async Task AdminPagesForbidOtherRoles(string role)
    {
        var partner = await app.CreatePartnerAsync($"Forbidden {role} IT");
        var email = $"{role.ToLowerInvariant()}@forbidden-{partner.Id:N}.example";
        await app.AddUserAsync(partner.Id, email, UserPassword, role);
        using var browser = await app.SignedInBrowserAsync(email, UserPassword);
        var adminId = await FindUserIdAsync(partner.AdminEmail);

        foreach (var page in new[] { "/Settings/Users", "/Settings/ApiKeys", "/Settings/AuditLog" })
        {
            using var response = await browser.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {page} returned {response.StatusCode}.");
        }

        var posts = new (string Path, Dictionary<string, string> Fields)[]
        {
            ("/Settings/Users?handler=Create", new() { ["Email"] = $"new@forbidden-{partner.Id:N}.example", ["Role"] = PartnerRoles.Admin }),
            ("/Settings/Users?handler=Role", new() { ["userId"] = adminId, ["newRole"] = PartnerRoles.ReadOnly }),
            ("/Settings/Users?handler=Remove", new() { ["userId"] = adminId }),
            ("/Settings/Users?handler=Unlock", new() { ["userId"] = adminId }),
            ("/Settings/ApiKeys?handler=Create", new() { ["Name"] = "Sneaky" }),
            ("/Settings/ApiKeys?handler=Revoke", new() { ["keyId"] = Guid.NewGuid().ToString() }),
        };

        foreach (var (path, fields) in posts)
        {
            using var response = await browser.PostFormAsync(path, fields);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {path} returned {response.StatusCode}.");
        }

        var html = await browser.GetStringAsync("/Settings/Password");
        Assert.DoesNotContain("href=\"/Settings/Users\"", html);
        using var admin = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);
        var users = await admin.GetStringAsync("/Settings/Users");
        Assert.Contains($"<option value=\"{PartnerRoles.Admin}\" selected=\"selected\">", RowOf(users, partner.AdminEmail));
        Assert.DoesNotContain($"new@forbidden-{partner.Id:N}.example", users);
        Assert.DoesNotContain("Sneaky", await admin.GetStringAsync("/Settings/ApiKeys"));
    }

    [Fact]
    public async Task ApiKeyShownOnceThenRevoked()
    {
        var partner = await app.CreatePartnerAsync("Key IT");
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        using var created = await browser.PostFormAsync("/Settings/ApiKeys?handler=Create", new Dictionary<string, string> { ["Name"] = "Accounting export" });
        var createdHtml = await created.Content.ReadAsStringAsync();
        var key = ShownKey().Match(createdHtml).Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(40, key.Length);

        using var api = app.CreateApiClient(key);
        using var allowed = await api.GetAsync("/api/v1/customers");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        var listing = await browser.GetStringAsync("/Settings/ApiKeys");
        Assert.DoesNotContain(key, listing);
        Assert.Contains($"<code>{key[..12]}…</code>", listing);
        Assert.Contains("Accounting export", listing);
        Assert.DoesNotContain(">never<", RowOf(listing, "Accounting export"));

        var keyId = KeyIdField().Match(RowOf(listing, "Accounting export")).Groups[1].Value;
        using var revoke = await browser.PostFormAsync("/Settings/ApiKeys?handler=Revoke", new Dictionary<string, string> { ["keyId"] = keyId });
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        using var rejected = await api.GetAsync("/api/v1/customers");
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Contains("Revoked", RowOf(await browser.GetStringAsync("/Settings/ApiKeys"), "Accounting export"));

        using var firstKeyApi = app.CreateApiClient(partner.ApiKey);
        using var firstKeyStillWorks = await firstKeyApi.GetAsync("/api/v1/customers");
        Assert.Equal(HttpStatusCode.OK, firstKeyStillWorks.StatusCode);
    }

    [Fact]
    public async Task ApiKeyWithoutNameIsRejected()
    {
        var partner = await app.CreatePartnerAsync("Nameless Key IT");
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        using var response = await browser.PostFormAsync("/Settings/ApiKeys?handler=Create", new Dictionary<string, string> { ["Name"] = "  " });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The key name is missing.", html);
        Assert.DoesNotMatch(ShownKey(), html);
    }

    [Fact]
    public async Task PasswordChangeRetiresOldPassword()
    {
        var partner = await app.CreatePartnerAsync("Password IT");
        const string newPassword = "Brand-new-password-77";
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        using var change = await browser.PostFormAsync("/Settings/Password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = partner.AdminPassword,
            ["NewPassword"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });
        using var stillSignedIn = await browser.GetAsync("/");
        using var fresh = app.CreateBrowserClient();
        using var withOld = await fresh.SignInAsync(partner.AdminEmail, partner.AdminPassword);
        using var withNew = await fresh.SignInAsync(partner.AdminEmail, newPassword);

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        Assert.Contains("The email or password is wrong", await withOld.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
    }

    [Fact]
    public async Task PasswordChangeWithWrongCurrentFails()
    {
        var partner = await app.CreatePartnerAsync("Wrong Current IT");
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        using var change = await browser.PostFormAsync("/Settings/Password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Not-the-current-one-1",
            ["NewPassword"] = "Brand-new-password-77",
            ["ConfirmPassword"] = "Brand-new-password-77",
        });
        using var fresh = app.CreateBrowserClient();
        using var withOld = await fresh.SignInAsync(partner.AdminEmail, partner.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("The current password is wrong", await change.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, withOld.StatusCode);
    }

    [Fact]
    public async Task PasswordChangeOpenToReadOnly()
    {
        var partner = await app.CreatePartnerAsync("Read Only Password IT");
        var email = $"viewer@password-{partner.Id:N}.example";
        await app.AddUserAsync(partner.Id, email, UserPassword, PartnerRoles.ReadOnly);
        using var browser = await app.SignedInBrowserAsync(email, UserPassword);

        using var change = await browser.PostFormAsync("/Settings/Password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = UserPassword,
            ["NewPassword"] = "Viewer-new-password-9",
            ["ConfirmPassword"] = "Viewer-new-password-9",
        });
        using var settings = await browser.GetAsync("/Settings");

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        Assert.Equal("/Settings/Password", settings.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AddedUserSignsInWithShownPassword()
    {
        var partner = await app.CreatePartnerAsync("Invite IT");
        var email = $"new.member@invite-{partner.Id:N}.example";
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        using var created = await browser.PostFormAsync("/Settings/Users?handler=Create", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Role"] = PartnerRoles.Member,
            ["Password"] = "",
        });
        var html = await created.Content.ReadAsStringAsync();
        var password = System.Net.WebUtility.HtmlDecode(ShownSecret().Match(html).Groups[1].Value);
        var listing = await browser.GetStringAsync("/Settings/Users");
        using var member = app.CreateBrowserClient();
        using var signIn = await member.SignInAsync(email, password);
        using var usersAsMember = await member.GetAsync("/Settings/Users");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(20, password.Length);
        Assert.DoesNotContain(password, listing);
        Assert.Contains($"<option value=\"{PartnerRoles.Member}\" selected=\"selected\">", RowOf(listing, email));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, usersAsMember.StatusCode);
    }

    [Fact]
    public async Task AddUserRejectsBadEmailAndWeakPassword()
    {
        var partner = await app.CreatePartnerAsync("Bad Invite IT");
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        using var badEmail = await browser.PostFormAsync("/Settings/Users?handler=Create", new Dictionary<string, string>
        {
            ["Email"] = "not-an-email",
            ["Role"] = PartnerRoles.Member,
        });
        using var weakPassword = await browser.PostFormAsync("/Settings/Users?handler=Create", new Dictionary<string, string>
        {
            ["Email"] = $"weak@bad-invite-{partner.Id:N}.example",
            ["Role"] = PartnerRoles.Member,
            ["Password"] = "short",
        });
        using var badRole = await browser.PostFormAsync("/Settings/Users?handler=Create", new Dictionary<string, string>
        {
            ["Email"] = $"role@bad-invite-{partner.Id:N}.example",
            ["Role"] = "Owner",
        });

        Assert.Contains("&#x27;not-an-email&#x27; is not an email address", await badEmail.Content.ReadAsStringAsync());
        Assert.Matches("<span id=\"password-error\" class=\"field-error\">Passwords must be at least 12 characters", await weakPassword.Content.ReadAsStringAsync());
        Assert.Contains("The role &#x27;Owner&#x27; is unknown", await badRole.Content.ReadAsStringAsync());
        Assert.Null(await FindUserIdOrNullAsync($"weak@bad-invite-{partner.Id:N}.example"));
    }

    [Fact]
    public async Task LastAdminCannotBeDemotedOrRemoved()
    {
        var partner = await app.CreatePartnerAsync("Last Admin IT");
        var adminId = await FindUserIdAsync(partner.AdminEmail);
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        using var demote = await browser.PostFormAsync("/Settings/Users?handler=Role", new Dictionary<string, string>
        {
            ["userId"] = adminId,
            ["newRole"] = PartnerRoles.Member,
        });
        using var remove = await browser.PostFormAsync("/Settings/Users?handler=Remove", new Dictionary<string, string> { ["userId"] = adminId });

        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Contains("is the only Admin", await demote.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        Assert.Contains("You cannot remove your own account", await remove.Content.ReadAsStringAsync());
        Assert.Equal(adminId, await FindUserIdAsync(partner.AdminEmail));
        Assert.Contains($"<option value=\"{PartnerRoles.Admin}\" selected=\"selected\">", RowOf(await browser.GetStringAsync("/Settings/Users"), partner.AdminEmail));
    }

    [Fact]
    public async Task SecondAdminCanBeDemotedAndRemoved()
    {
        var partner = await app.CreatePartnerAsync("Two Admins IT");
        var secondEmail = $"second@two-admins-{partner.Id:N}.example";
        await app.AddUserAsync(partner.Id, secondEmail, UserPassword, PartnerRoles.Admin);
        var secondId = await FindUserIdAsync(secondEmail);
        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);

        using var demote = await browser.PostFormAsync("/Settings/Users?handler=Role", new Dictionary<string, string>
        {
            ["userId"] = secondId,
            ["newRole"] = PartnerRoles.ReadOnly,
        });
        var afterDemote = await browser.GetStringAsync("/Settings/Users");
        using var remove = await browser.PostFormAsync("/Settings/Users?handler=Remove", new Dictionary<string, string> { ["userId"] = secondId });

        Assert.Equal(HttpStatusCode.Redirect, demote.StatusCode);
        Assert.Contains($"<option value=\"{PartnerRoles.ReadOnly}\" selected=\"selected\">", RowOf(afterDemote, secondEmail));
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.Null(await FindUserIdOrNullAsync(secondEmail));
    }

    [Fact]
    public async Task OtherPartnersUserIs404()
    {
        var owner = await app.CreatePartnerAsync("User Owner IT");
        var other = await app.CreatePartnerAsync("User Other IT");
        var ownerAdminId = await FindUserIdAsync(owner.AdminEmail);
        using var browser = await app.SignedInBrowserAsync(other.AdminEmail, other.AdminPassword);

        using var remove = await browser.PostFormAsync("/Settings/Users?handler=Remove", new Dictionary<string, string> { ["userId"] = ownerAdminId });
        using var demote = await browser.PostFormAsync("/Settings/Users?handler=Role", new Dictionary<string, string>
        {
            ["userId"] = ownerAdminId,
            ["newRole"] = PartnerRoles.ReadOnly,
        });

        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, demote.StatusCode);
        Assert.DoesNotContain(owner.AdminEmail, await browser.GetStringAsync("/Settings/Users"));
    }

    private async Task<string> FindUserIdAsync(string email) =>
        await FindUserIdOrNullAsync(email) ?? throw new InvalidOperationException($"No user {email}.");

    private async Task<string?> FindUserIdOrNullAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PartnerUser>>();
        return (await users.FindByEmailAsync(email))?.Id;
    }

    /// <summary>Returns the table row of the page that mentions <paramref name="text"/>.</summary>
    private static string RowOf(string html, string text)
    {
        var rows = Regex.Matches(html, "<tr>.*?</tr>", RegexOptions.Singleline).Select(match => match.Value);
        return rows.Single(row => row.Contains(text, StringComparison.Ordinal));
    }

    [GeneratedRegex("<code class=\"secret-value\">(ap_live_[A-Za-z0-9_-]+)</code>")]
    private static partial Regex ShownKey();

    [GeneratedRegex("<code class=\"secret-value\">([^<]+)</code>")]
    private static partial Regex ShownSecret();

    [GeneratedRegex("name=\"keyId\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex KeyIdField();
}
