using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;

namespace SuperOps.Sandbox.Tests;

/// <summary>
/// One sandbox host per test class, on a fake clock fixed at <see cref="Now"/> so dates and OVERDUE are
/// deterministic. Tests create their own tenants with <see cref="NewTenantAsync"/>, so they never share data.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    public SandboxHost Host { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        Host = await SandboxHost.StartAsync(Clock, options => options.TimeoutFaultDelay = TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>Creates a tenant with a unique subdomain and returns a client bound to it.</summary>
    public Task<SandboxApi> NewTenantAsync(SandboxSeed? seed = null, string region = "us", bool documentedSchemaOnly = false) =>
        SandboxApi.CreateAsync(Host, Http, seed, region, documentedSchemaOnly);
}

/// <summary>GraphQL and admin calls against one tenant of a running sandbox.</summary>
public sealed class SandboxApi
{
    private SandboxApi(SandboxHost host, HttpClient http, string subdomain, string token, string region)
    {
        Host = host;
        Http = http;
        Subdomain = subdomain;
        Token = token;
        Endpoint = region == "eu" ? host.EuEndpoint : host.UsEndpoint;
    }

    public SandboxHost Host { get; }
    public HttpClient Http { get; }
    public string Subdomain { get; }
    public string Token { get; }
    public Uri Endpoint { get; }

    public static async Task<SandboxApi> CreateAsync(SandboxHost host, HttpClient http, SandboxSeed? seed, string region, bool documentedSchemaOnly)
    {
        var subdomain = "t" + Guid.NewGuid().ToString("N")[..12];
        var token = "token-" + Guid.NewGuid().ToString("N");
        host.Tenants.CreateTenant(new SandboxTenantSpec(subdomain, token, region, documentedSchemaOnly, seed));
        return new SandboxApi(host, http, subdomain, token, region);
    }

    public Uri Admin(string path) => new(Host.BaseAddress, $"admin/tenants/{Subdomain}/{path}");

    public HttpRequestMessage GraphQLRequest(string body, Uri? endpoint = null, string? subdomain = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint ?? Endpoint)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("CustomerSubDomain", subdomain ?? Subdomain);
        request.Headers.Add("Authorization", "Bearer " + (token ?? Token));
        return request;
    }

    /// <summary>Posts a raw JSON body and returns the response, whatever its status.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string body, CancellationToken cancellationToken = default) =>
        Http.SendAsync(GraphQLRequest(body), cancellationToken);

    /// <summary>Posts a query with variables, expects HTTP 200 and returns the JSON body.</summary>
    public async Task<JsonObject> QueryAsync(string query, object? variables = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        using var response = await PostRawAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Runs a query that must succeed and returns data.{field}.</summary>
    public async Task<JsonNode> DataAsync(string query, object? variables = null)
    {
        var result = await QueryAsync(query, variables);
        Assert.False(result.ContainsKey("errors"), result.ToJsonString());
        var data = result["data"]!.AsObject();
        return data.Single().Value!;
    }

    /// <summary>Runs a query that must fail and returns its first error.</summary>
    public async Task<JsonObject> ErrorAsync(string query, object? variables = null)
    {
        var result = await QueryAsync(query, variables);
        Assert.True(result.ContainsKey("errors"), result.ToJsonString());
        return result["errors"]![0]!.AsObject();
    }

    public async Task<JsonNode> AdminAsync(HttpMethod method, string path, object? body = null, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, Admin(path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public Task<JsonNode> AddClientAsync(string name, params string[] domains) =>
        AdminAsync(HttpMethod.Post, "clients", new { name, emailDomains = domains }, System.Net.HttpStatusCode.Created);

    public Task<JsonNode> AddInvoiceAsync(string clientAccountId, string invoiceDate, string? dueDate, string status, params (string Details, string Quantity, string UnitPrice)[] items) =>
        AdminAsync(HttpMethod.Post, "invoices", new
        {
            clientAccountId,
            invoiceDate,
            dueDate,
            statusEnum = status,
            items = items.Select(i => new { details = i.Details, quantity = i.Quantity, unitPrice = i.UnitPrice }).ToArray(),
        }, System.Net.HttpStatusCode.Created);

    public Task PutSettingsAsync(object settings) => AdminAsync(HttpMethod.Put, "settings", settings);
}
