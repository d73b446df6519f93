using System.Net;
using System.Net.Http.Json;

namespace SuperOps.Sandbox.Tests;

/// <summary>The admin API: tenants, records, settings and input errors.</summary>
public sealed class AdminTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task CreateTenant_Returns201WithCounts()
    {
        var subdomain = "adm" + Guid.NewGuid().ToString("N")[..10];

        using var response = await fixture.Http.PostAsJsonAsync(new Uri(fixture.Host.BaseAddress, "admin/tenants"), new
        {
            subdomain,
            apiToken = "tok",
            region = "eu",
            seed = new { clients = 7, invoicesPerClient = 3, linesPerInvoice = 2, randomSeed = 8 },
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(subdomain, body["subdomain"]!.GetValue<string>());
        Assert.Equal(7, body["clients"]!.GetValue<int>());
        Assert.Equal(21, body["invoices"]!.GetValue<int>());
        Assert.Equal(42, body["lines"]!.GetValue<int>());
        Assert.True(fixture.Host.Tenants.Exists(subdomain));
    }

    [Fact]
    public async Task CreateTenant_ExistingSubdomain_Returns409()
    {
        var api = await fixture.NewTenantAsync();

        using var response = await fixture.Http.PostAsJsonAsync(new Uri(fixture.Host.BaseAddress, "admin/tenants"),
            new { subdomain = api.Subdomain, apiToken = "other", region = "us" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void CreateTenant_InStoreWithExistingSubdomain_Throws()
    {
        var spec = new SandboxTenantSpec("dup" + Guid.NewGuid().ToString("N")[..8], "t", "us");
        fixture.Host.Tenants.CreateTenant(spec);

        var exception = Assert.Throws<SandboxTenantExistsException>(() => fixture.Host.Tenants.CreateTenant(spec));

        Assert.Contains(spec.Subdomain, exception.Message);
    }

    [Fact]
    public async Task CreateTenant_InvalidFields_Returns400NamingThem()
    {
        using var response = await fixture.Http.PostAsJsonAsync(new Uri(fixture.Host.BaseAddress, "admin/tenants"), new
        {
            subdomain = "x" + Guid.NewGuid().ToString("N")[..8],
            region = "asia",
            seed = new { clients = -1, invoicesPerClient = 1, linesPerInvoice = 9, randomSeed = 1 },
        });
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).Order().ToList();
        Assert.Equal(new[] { "apiToken", "region", "seed.clients", "seed.linesPerInvoice" }, fields);
    }

    [Fact]
    public async Task UnknownTenant_Returns404()
    {
        using var response = await fixture.Http.GetAsync(new Uri(fixture.Host.BaseAddress, "admin/tenants/nobody-here/invoices"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ListInvoices_ReturnsSuperOpsShapeWithPayments()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(Clients: 10, InvoicesPerClient: 4, LinesPerInvoice: 3, RandomSeed: 21));

        var invoices = (await api.AdminAsync(HttpMethod.Get, "invoices")).AsArray();

        Assert.Equal(40, invoices.Count);
        var invoice = invoices[0]!.AsObject();
        foreach (var field in new[] { "invoiceId", "displayId", "client", "site", "invoiceDate", "dueDate", "statusEnum", "items", "taxes", "totalAmount", "payments", "amountPaid", "balanceDue" })
        {
            Assert.True(invoice.ContainsKey(field), field);
        }

        Assert.Equal(JsonValueKind.String, invoice["client"]!["accountId"]!.GetValueKind());
        Assert.Equal(JsonValueKind.String, invoice["client"]!["name"]!.GetValueKind());
        Assert.Equal(120, invoices.Sum(i => i!["items"]!.AsArray().Count));
    }

    [Fact]
    public async Task ListClients_IncludesSoftDeletedFlag()
    {
        var api = await fixture.NewTenantAsync();
        var liveClient = (await api.AddClientAsync("Kept Co"))["accountId"]!.GetValue<string>();
        var deleted = (await api.AddClientAsync("Deleted Co"))["accountId"]!.GetValue<string>();

        await api.AdminAsync(HttpMethod.Delete, $"clients/{deleted}", expected: HttpStatusCode.NoContent);
        var clients = (await api.AdminAsync(HttpMethod.Get, "clients")).AsArray();
        var list = await api.DataAsync("query { getClientList(input: {page: 1}) { clients { accountId } } }");

        Assert.Equal(2, clients.Count);
        Assert.True(clients.Single(c => c!["accountId"]!.GetValue<string>() == deleted)!["softDeleted"]!.GetValue<bool>());
        Assert.Equal(liveClient, Assert.Single(list["clients"]!.AsArray())!["accountId"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateClient_DuplicateName_Returns409()
    {
        var api = await fixture.NewTenantAsync();
        await api.AddClientAsync("Twice Co");

        var problem = await api.AdminAsync(HttpMethod.Post, "clients", new { name = "Twice Co" }, HttpStatusCode.Conflict);

        Assert.Contains("Twice Co", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchInvoice_ReplacesItemsAndRecomputesTotal()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Patch Co"))["accountId"]!.GetValue<string>();
        var invoiceId = (await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "DRAFT", ("Old", "1", "10.00"), ("Old 2", "1", "5.00")))["invoiceId"]!.GetValue<string>();

        var patched = await api.AdminAsync(HttpMethod.Patch, $"invoices/{invoiceId}", new
        {
            dueDate = "2026-03-10",
            statusEnum = "APPROVED",
            items = new[] { new { details = "New", quantity = "3", unitPrice = "19.99" } },
        });
        var lines = await api.DataAsync("query { getInvoiceItemList(input: {page: 1}) { items { details amount } listInfo { totalCount } } }");

        Assert.Equal("59.97", patched["totalAmount"]!.GetValue<string>());
        Assert.Equal("OVERDUE", patched["statusEnum"]!.GetValue<string>());
        Assert.Equal("2026-03-10", patched["dueDate"]!.GetValue<string>());
        Assert.Equal(1, lines["listInfo"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("New", lines["items"]![0]!["details"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteInvoice_RemovesInvoiceAndLines()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Delete Co"))["accountId"]!.GetValue<string>();
        var invoiceId = (await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "APPROVED", ("Gone", "1", "10.00")))["invoiceId"]!.GetValue<string>();

        await api.AdminAsync(HttpMethod.Delete, $"invoices/{invoiceId}", expected: HttpStatusCode.NoContent);
        var lookup = await api.QueryAsync("query getInvoice($input: InvoiceIdentifierInput!) { getInvoice(input: $input) { invoiceId } }", new { input = new { invoiceId } });
        var lines = await api.DataAsync("query { getInvoiceItemList(input: {page: 1}) { listInfo { totalCount } } }");
        var list = await api.DataAsync("query { getInvoiceList(input: {page: 1}) { listInfo { totalCount } } }");

        Assert.Null(lookup["data"]!["getInvoice"]);
        Assert.Equal(0, lines["listInfo"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, list["listInfo"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task AddPayment_InvalidAmount_Returns400NamingField()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Bad Pay Co"))["accountId"]!.GetValue<string>();
        var invoiceId = (await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "APPROVED", ("Work", "1", "10.00")))["invoiceId"]!.GetValue<string>();

        var problem = await api.AdminAsync(HttpMethod.Post, $"invoices/{invoiceId}/payments", new { amount = -5, type = "GIFT" }, HttpStatusCode.BadRequest);

        Assert.Equal(new[] { "amount", "type" }, problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task AddPayment_OnVoidInvoice_Returns409()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Void Pay Co"))["accountId"]!.GetValue<string>();
        var invoiceId = (await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "VOID", ("Work", "1", "10.00")))["invoiceId"]!.GetValue<string>();

        await api.AdminAsync(HttpMethod.Post, $"invoices/{invoiceId}/payments", new { amount = 5, type = "PAYMENT" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Settings_PartialUpdateKeepsOtherValues()
    {
        var api = await fixture.NewTenantAsync();

        await api.PutSettingsAsync(new { requestsPerMinute = 100 });
        var settings = await api.AdminAsync(HttpMethod.Put, "settings", new { numericIdsInJson = true });

        Assert.Equal(100, settings["requestsPerMinute"]!.GetValue<int>());
        Assert.True(settings["numericIdsInJson"]!.GetValue<bool>());
        Assert.True(settings["hasMoreNullOnLastPage"]!.GetValue<bool>());
        Assert.Empty(settings["faults"]!.AsArray());
    }

    [Fact]
    public async Task AdminApi_IsNotMappedInProduction()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddSuperOpsSandbox();
        await using var app = builder.Build();
        app.MapSuperOpsSandbox("/sandbox");
        await app.StartAsync();
        var address = app.Urls.First();

        using var admin = await fixture.Http.PostAsJsonAsync($"{address}/sandbox/admin/tenants", new { subdomain = "p", apiToken = "p", region = "us" });
        using var graphql = await fixture.Http.PostAsync($"{address}/sandbox/us/msp", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, graphql.StatusCode);
        await app.StopAsync();
    }
}
