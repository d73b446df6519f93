using System.Net;

namespace SuperOps.Sandbox.Tests;

/// <summary>Tenant header and bearer token checks, which run before GraphQL.</summary>
public sealed class AuthTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Query = """{"query":"{ __typename }"}""";

    [Fact]
    public async Task MissingSubdomainHeader_Returns400()
    {
        var api = await fixture.NewTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, api.Endpoint) { Content = new StringContent(Query) };
        request.Headers.Add("Authorization", "Bearer " + api.Token);

        using var response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"message":"The subdomain provided is invalid."}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownSubdomain_Returns400()
    {
        var api = await fixture.NewTenantAsync();

        using var response = await api.Http.SendAsync(api.GraphQLRequest(Query, subdomain: "no-such-tenant"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"message":"The subdomain provided is invalid."}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WrongToken_Returns401()
    {
        var api = await fixture.NewTenantAsync();

        using var response = await api.Http.SendAsync(api.GraphQLRequest(Query, token: "wrong-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"message":"The API token used is invalid or deleted."}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MissingToken_Returns401()
    {
        var api = await fixture.NewTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, api.Endpoint) { Content = new StringContent(Query) };
        request.Headers.Add("CustomerSubDomain", api.Subdomain);

        using var response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EuTenantOnUsEndpoint_Returns400()
    {
        var api = await fixture.NewTenantAsync(region: "eu");

        using var onUs = await api.Http.SendAsync(api.GraphQLRequest(Query, endpoint: fixture.Host.UsEndpoint));
        using var onEu = await api.Http.SendAsync(api.GraphQLRequest(Query, endpoint: fixture.Host.EuEndpoint));

        Assert.Equal(HttpStatusCode.BadRequest, onUs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onEu.StatusCode);
    }

    [Fact]
    public async Task SubdomainHeaderName_IsCaseInsensitive()
    {
        var api = await fixture.NewTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, api.Endpoint) { Content = new StringContent(Query) };
        request.Headers.Add("Customersubdomain", api.Subdomain);
        request.Headers.Add("Authorization", "Bearer " + api.Token);

        using var response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RejectedRequests_AreNotCounted()
    {
        var api = await fixture.NewTenantAsync();

        using var rejected = await api.Http.SendAsync(api.GraphQLRequest(Query, token: "wrong-token"));
        var counters = await api.AdminAsync(HttpMethod.Get, "requests");

        Assert.Equal(0, counters["total"]!.GetValue<int>());
    }
}
