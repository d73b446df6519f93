using System.Net;
using System.Net.Http.Json;
using System.Text;
using AltPay.Web.Tests.Infrastructure;

namespace AltPay.Web.Tests;

public sealed class ConnectionApiTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task RejectedTokenIs422AndSavesNothing()
    {
        await app.CreateSandboxTenantAsync("reject-token", "right-token-1234", clients: 2, invoicesPerClient: 1, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Rejected Token IT");
        using var api = app.CreateApiClient(partner.ApiKey);

        using var response = await api.PutAsJsonAsync("/api/v1/integrations/superops", new { subdomain = "reject-token", apiToken = "wrong-token-9999", region = "us", currency = "USD" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(problem["errors"]!["apiToken"]);
        Assert.Null(problem["errors"]!["subdomain"]);
        using var after = await api.GetAsync("/api/v1/integrations/superops");
        await after.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownSubdomainIs422AndSavesNothing()
    {
        var partner = await app.CreatePartnerAsync("Unknown Subdomain IT");
        using var api = app.CreateApiClient(partner.ApiKey);

        using var response = await api.PutAsJsonAsync("/api/v1/integrations/superops", new { subdomain = "no-such-msp", apiToken = "some-token-5678", region = "us", currency = "USD" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(problem["errors"]!["subdomain"]);
        Assert.Null(problem["errors"]!["apiToken"]);
        using var after = await api.GetAsync("/api/v1/integrations/superops");
        await after.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MalformedConnectRequestIs400()
    {
        var partner = await app.CreatePartnerAsync("Malformed Connect IT");
        using var api = app.CreateApiClient(partner.ApiKey);

        using var response = await api.PutAsJsonAsync("/api/v1/integrations/superops", new { subdomain = "acme", apiToken = "some-token-5678", region = "mars", currency = "USD" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["region"]);
    }

    [Fact]
    public async Task SyncWithoutConnectionIs409()
    {
        var partner = await app.CreatePartnerAsync("Never Connected IT");
        using var api = app.CreateApiClient(partner.ApiKey);

        using var response = await api.PostAsync("/api/v1/integrations/superops/sync", null);

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TokenNeverLeaves()
    {
        const string subdomain = "secret-keeper";
        const string token = "sandbox-secret-token-7f3a9c2e";
        await app.CreateSandboxTenantAsync(subdomain, token, clients: 3, invoicesPerClient: 2, linesPerInvoice: 2);
        var partner = await app.CreatePartnerAsync("Secret Keeper IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var bodies = new List<string>();

        using (var connect = await api.PutAsJsonAsync("/api/v1/integrations/superops", new { subdomain, apiToken = token, region = "us", currency = "USD" }))
        {
            Assert.Equal(HttpStatusCode.OK, connect.StatusCode);
            bodies.Add(await connect.Content.ReadAsStringAsync());
        }

        var run = await SyncHelper.SyncAndWaitAsync(api);
        bodies.Add(run.ToJsonString());

        foreach (var url in new[] { "/api/v1/integrations/superops", "/api/v1/sync-runs", "/api/v1/customers", "/api/v1/invoices" })
        {
            bodies.Add(await api.GetStringAsync(url));
        }

        var connection = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/v1/integrations/superops");
        Assert.Equal("connected", connection!["status"]!.GetValue<string>());
        Assert.Equal(token[^4..], connection["tokenLastFour"]!.GetValue<string>());

        Assert.All(bodies, body => Assert.DoesNotContain(token, body, StringComparison.Ordinal));
        Assert.NotEmpty(app.Logs.Lines);
        Assert.All(app.Logs.Lines, line => Assert.DoesNotContain(token, line, StringComparison.Ordinal));

        var tokenBytes = Encoding.UTF8.GetBytes(token);
        var databaseFiles = Directory.GetFiles(app.DataDirectory, "altpay.db*");
        Assert.NotEmpty(databaseFiles);

        foreach (var file in databaseFiles)
        {
            var content = await ReadSharedAsync(file);
            Assert.True(content.AsSpan().IndexOf(tokenBytes) < 0, $"{Path.GetFileName(file)} contains the token in clear text.");
        }
    }

    [Fact]
    public async Task DisconnectErasesTokenAndKeepsData()
    {
        const string subdomain = "leaving-msp";
        await app.CreateSandboxTenantAsync(subdomain, "leaving-token-4321", clients: 2, invoicesPerClient: 2, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Leaving IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await api.ConnectAndSyncAsync(subdomain, "leaving-token-4321");

        using var response = await api.DeleteAsync("/api/v1/integrations/superops");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var connection = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/v1/integrations/superops");
        Assert.Equal("disconnected", connection!["status"]!.GetValue<string>());
        var customers = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/v1/customers");
        Assert.Equal(2, customers!["totalCount"]!.GetValue<int>());
    }

    // SQLite keeps the file open in the host, so it is read with sharing allowed.
    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
