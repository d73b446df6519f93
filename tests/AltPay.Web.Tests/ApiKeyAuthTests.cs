using System.Net;
using System.Net.Http.Json;
using AltPay.Data;
using AltPay.Web.Auth;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed class ApiKeyAuthTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task MissingKeyIsUnauthorized()
    {
        using var api = app.CreateApiClient(null);

        using var response = await api.GetAsync("/api/v1/customers");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(401, problem["status"]!.GetValue<int>());
        Assert.Contains("no API key", problem["detail"]!.GetValue<string>());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task UnknownKeyIsUnauthorized()
    {
        using var api = app.CreateApiClient(ApiKeyFormat.Generate());

        using var response = await api.GetAsync("/api/v1/customers");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("unknown or revoked", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task MalformedKeyIsUnauthorized()
    {
        using var api = app.CreateApiClient("not-a-key");

        using var response = await api.GetAsync("/api/v1/invoices");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("not a valid AltPay key", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task RevokedKeyIsUnauthorized()
    {
        var partner = await app.CreatePartnerAsync("Revoked Key IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        using (var before = await api.GetAsync("/api/v1/customers"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>();
            var hash = ApiKeyFormat.Hash(partner.ApiKey);
            await db.ApiKeys.IgnoreQueryFilters().Where(key => key.Hash == hash)
                .ExecuteUpdateAsync(setters => setters.SetProperty(key => key.RevokedAt, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        }

        using var after = await api.GetAsync("/api/v1/customers");

        await after.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ValidKeyRecordsLastUse()
    {
        var partner = await app.CreatePartnerAsync("Last Use IT");
        using var api = app.CreateApiClient(partner.ApiKey);

        using var response = await api.GetAsync("/api/v1/customers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJsonAsync();
        Assert.Equal(0, page["totalCount"]!.GetValue<int>());
        Assert.Equal(1, page["page"]!.GetValue<int>());
        Assert.Equal(50, page["pageSize"]!.GetValue<int>());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>();
        var stored = await db.ApiKeys.IgnoreQueryFilters().SingleAsync(key => key.PartnerId == partner.Id);
        Assert.NotNull(stored.LastUsedAt);
        Assert.Equal(partner.ApiKey[..12], stored.Prefix);
        Assert.Equal(ApiKeyFormat.Hash(partner.ApiKey), stored.Hash);
    }

    [Fact]
    public async Task OperatorEndpointRejectsPartnerKey()
    {
        var partner = await app.CreatePartnerAsync("Not An Operator IT");
        using var api = app.CreateApiClient(partner.ApiKey);

        using var response = await api.PostAsync("/api/v1/operator/partners", JsonContent.Create(new { name = "Sneaky" }));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OperatorCreatesPartnerWithAdminKey()
    {
        var partner = await app.CreatePartnerAsync("Acme IT");

        Assert.Equal("Acme IT", partner.Name);
        Assert.True(ApiKeyFormat.IsWellFormed(partner.ApiKey));
        Assert.Contains('@', partner.AdminEmail);
        Assert.True(partner.AdminPassword.Length >= 12);
    }
}
