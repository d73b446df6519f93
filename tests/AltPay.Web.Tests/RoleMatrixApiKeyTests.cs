using System.Net;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Auth;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

/// <summary>
/// The API role matrix over HTTP, with Member and Read-only API keys: Member may operate (payments,
/// refunds, retries, syncs, edits) but not manage the connection or sweeps; Read-only may change nothing.
/// </summary>
public sealed class RoleMatrixApiKeyTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    private static readonly string AnyId = Guid.NewGuid().ToString();

    // Method, path and whether a Member may call it.
    public static readonly TheoryData<string, string, bool> MutatingEndpoints = new()
    {
        { "PUT", "/api/v1/integrations/superops", false },
        { "DELETE", "/api/v1/integrations/superops", false },
        { "POST", "/api/v1/integrations/superops/sync", true },
        { "POST", "/api/v1/integrations/superops/sweep", false },
        { "POST", $"/api/v1/integrations/superops/sweep/{AnyId}/confirm", false },
        { "POST", $"/api/v1/integrations/superops/sweep/{AnyId}/dismiss", false },
        { "PUT", "/api/v1/integrations/superops/payment-methods", false },
        { "POST", "/api/v1/customers", true },
        { "POST", "/api/v1/invoices", true },
        { "PATCH", $"/api/v1/invoices/{AnyId}", true },
        { "POST", $"/api/v1/invoices/{AnyId}/payments", true },
        { "POST", $"/api/v1/invoices/{AnyId}/write-back/retry", true },
        { "POST", $"/api/v1/payments/{AnyId}/refund", true },
        { "POST", $"/api/v1/conflicts/{AnyId}/resolve", true },
    };

    [Theory]
    [MemberData(nameof(MutatingEndpoints))]
    public async Task MemberKey_GetsForbiddenOnlyWhereManaging(string method, string path, bool memberAllowed)
    {
        var key = await CreateKeyAsync("Member Key IT", PartnerRoles.Member);
        using var api = app.CreateApiClient(key);

        using var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonBody() });

        Assert.Equal(memberAllowed, response.StatusCode != HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(MutatingEndpoints))]
    public async Task ReadOnlyKey_IsForbidden(string method, string path, bool memberAllowed)
    {
        _ = memberAllowed;
        var key = await CreateKeyAsync("Read-only Key IT", PartnerRoles.ReadOnly);
        using var api = app.CreateApiClient(key);

        using var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonBody() });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ReadOnlyKey_CanRead()
    {
        var key = await CreateKeyAsync("Reader IT", PartnerRoles.ReadOnly);
        using var api = app.CreateApiClient(key);

        using var response = await api.GetAsync("/api/v1/invoices");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static StringContent JsonBody() => new("{}", System.Text.Encoding.UTF8, "application/json");

    private async Task<string> CreateKeyAsync(string partnerName, string role)
    {
        var partner = await app.CreatePartnerAsync(partnerName);
        var key = ApiKeyFormat.Generate();

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>().ForPartner(partner.Id);
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.NewGuid(),
            PartnerId = partner.Id,
            Name = $"{role} key",
            Prefix = ApiKeyFormat.Prefix(key),
            Hash = ApiKeyFormat.Hash(key),
            Role = role,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return key;
    }
}
