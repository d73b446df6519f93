using System.Net;
using System.Net.Http.Json;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed class AuditLogTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task SignInsAreAudited()
    {
        var partner = await app.CreatePartnerAsync("Audit Sign In IT");
        using var browser = app.CreateBrowserClient();

        using (await browser.SignInAsync(partner.AdminEmail, "Not-the-password-1"))
        {
        }

        using (await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword))
        {
        }

        var entries = await ReadEntriesAsync(partner.Id);
        var adminId = await FindUserIdAsync(partner.AdminEmail);

        Assert.Equal(["signin.failed", "signin.succeeded"], entries.Select(entry => entry.Action));
        Assert.All(entries, entry => Assert.Equal(partner.AdminEmail, entry.Target));
        Assert.Equal("wrong password", entries[0].Detail);
        Assert.Null(entries[0].ActorUserId);
        Assert.Equal(adminId, entries[1].ActorUserId);
        Assert.Equal(partner.AdminEmail, entries[1].ActorName);
    }

    [Fact]
    public async Task ConnectAndDisconnectAreAudited()
    {
        await app.CreateSandboxTenantAsync("audit-msp", "audit-token-5511", clients: 1, invoicesPerClient: 1, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Audit Connect IT");
        using var api = app.CreateApiClient(partner.ApiKey);

        using var connect = await api.PutAsJsonAsync("/api/v1/integrations/superops", new { subdomain = "audit-msp", apiToken = "audit-token-5511", region = "us", currency = "USD" });
        Assert.Equal(HttpStatusCode.OK, connect.StatusCode);
        await SyncHelper.SyncAndWaitAsync(api);
        using var disconnect = await api.DeleteAsync("/api/v1/integrations/superops");
        Assert.Equal(HttpStatusCode.NoContent, disconnect.StatusCode);

        var entries = await ReadEntriesAsync(partner.Id);
        var keyId = await FindApiKeyIdAsync(partner.Id);

        // The helper's sync may meet the import that connecting started; it then sends a second request, so there are one or two.
        Assert.Equal("connection.connected", entries[0].Action);
        Assert.Equal("connection.disconnected", entries[^1].Action);
        Assert.All(entries[1..^1], entry => Assert.Equal("sync.requested", entry.Action));
        Assert.Contains(entries, entry => entry.Action == "sync.requested" && entry.Detail is null);
        var connected = entries[0];
        Assert.Equal("audit-msp", connected.Target);
        Assert.Equal("region us, token ending 5511", connected.Detail);
        Assert.Equal(keyId, connected.ApiKeyId);
        Assert.Null(connected.ActorUserId);
        Assert.Equal($"API key First admin key ({partner.ApiKey[..12]}…)", connected.ActorName);
        Assert.All(entries, entry => Assert.DoesNotContain("audit-token-5511", entry.Detail ?? ""));
    }

    [Fact]
    public async Task AuditPageListsNewestFirst()
    {
        var partner = await app.CreatePartnerAsync("Audit Page IT");
        var other = await app.CreatePartnerAsync("Audit Other IT");
        using (await app.SignedInBrowserAsync(other.AdminEmail, other.AdminPassword))
        {
        }

        using var browser = await app.SignedInBrowserAsync(partner.AdminEmail, partner.AdminPassword);
        using (await browser.PostFormAsync("/Settings/ApiKeys?handler=Create", new Dictionary<string, string> { ["Name"] = "Audited key" }))
        {
        }

        var html = await browser.GetStringAsync("/Settings/AuditLog");

        var created = html.IndexOf("<code>apikey.created</code>", StringComparison.Ordinal);
        var signedIn = html.IndexOf("<code>signin.succeeded</code>", StringComparison.Ordinal);
        Assert.True(created >= 0, "The key creation is not listed.");
        Assert.True(signedIn > created, "The sign-in is not listed after the newer key creation.");
        Assert.Contains("Audited key (ap_live_", html);
        Assert.DoesNotContain(other.AdminEmail, html);
    }

    private async Task<List<AuditEntry>> ReadEntriesAsync(Guid partnerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>().ForPartner(partnerId);
        var entries = await db.AuditEntries.AsNoTracking().ToListAsync();
        return entries.OrderBy(entry => entry.At).ToList();
    }

    private async Task<Guid> FindApiKeyIdAsync(Guid partnerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>().ForPartner(partnerId);
        return await db.ApiKeys.Select(key => key.Id).SingleAsync();
    }

    private async Task<string> FindUserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PartnerUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }
}
