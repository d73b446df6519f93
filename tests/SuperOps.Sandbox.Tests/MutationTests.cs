namespace SuperOps.Sandbox.Tests;

/// <summary>updateInvoice, createInvoice, createClientV2, softDeleteClients and restoreClients.</summary>
public sealed class MutationTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Update =
        "mutation updateInvoice($input: UpdateInvoiceInput!) { updateInvoice(input: $input) { invoiceId statusEnum dueDate paymentDate paymentMethod paymentReference invoicePaymentTerm } }";

    private const string ClientQuery = "query getClient($input: ClientIdentifierInput!) { getClient(input: $input) { accountId name } }";

    [Fact]
    public async Task UpdateInvoice_ApprovedReopensPaidInvoiceAsOverdue()
    {
        var (api, invoiceId) = await InvoiceAsync("2026-01-01", "2026-01-31");
        await api.DataAsync(Update, new { input = new { invoiceId, statusEnum = "PAID", paymentReference = "R-1" } });

        var reopened = await api.DataAsync(Update, new { input = new { invoiceId, statusEnum = "APPROVED" } });

        Assert.Equal("OVERDUE", reopened["statusEnum"]!.GetValue<string>());
        Assert.Equal("2026-03-15", reopened["paymentDate"]!.GetValue<string>());
        Assert.Equal("R-1", reopened["paymentReference"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateInvoice_ApprovedNotYetDue_ReadsApproved()
    {
        var (api, invoiceId) = await InvoiceAsync("2026-03-01", "2026-03-31");

        var read = await api.DataAsync(Update, new { input = new { invoiceId, statusEnum = "APPROVED" } });

        Assert.Equal("APPROVED", read["statusEnum"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateInvoice_DueDateInPast_ReadsOverdue()
    {
        var (api, invoiceId) = await InvoiceAsync("2026-03-01", "2026-03-31");

        var read = await api.DataAsync(Update, new { input = new { invoiceId, dueDate = "2026-03-14" } });

        Assert.Equal("OVERDUE", read["statusEnum"]!.GetValue<string>());
        Assert.Equal("2026-03-14", read["dueDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateInvoice_ReferenceOver255_IsValueLengthExceedsLimit()
    {
        var (api, invoiceId) = await InvoiceAsync("2026-03-01", "2026-03-31");

        var result = await api.QueryAsync(Update, new { input = new { invoiceId, statusEnum = "PAID", paymentReference = new string('x', 256) } });

        Assert.Null(result["data"]!["updateInvoice"]);
        var clientError = result["errors"]![0]!["extensions"]!["clientError"]![0]!;
        Assert.Equal("value_length_exceeds_limit", clientError["code"]!.GetValue<string>());
        Assert.Equal("paymentReference", clientError["param"]!["attributes"]![0]!.GetValue<string>());
        Assert.Equal(255, clientError["param"]!["maxLength"]!.GetValue<int>());
        var after = await api.DataAsync(Update, new { input = new { invoiceId } });
        Assert.Equal("APPROVED", after["statusEnum"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateInvoice_Reference255_IsAccepted()
    {
        var (api, invoiceId) = await InvoiceAsync("2026-03-01", "2026-03-31");

        var read = await api.DataAsync(Update, new { input = new { invoiceId, paymentReference = new string('y', 255) } });

        Assert.Equal(255, read["paymentReference"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task UpdateInvoice_UnknownInvoice_IsEntityDoesNotExist()
    {
        var api = await fixture.NewTenantAsync();

        var result = await api.QueryAsync(Update, new { input = new { invoiceId = "1111111111111111111", statusEnum = "PAID" } });

        Assert.Null(result["data"]!["updateInvoice"]);
        Assert.Equal("entity_does_not_exist", result["errors"]![0]!["extensions"]!["clientError"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateInvoice_VoidToPaid_IsDependentValidationFailed()
    {
        var (api, invoiceId) = await InvoiceAsync("2026-03-01", "2026-03-31", "VOID");

        var error = await api.ErrorAsync(Update, new { input = new { invoiceId, statusEnum = "PAID" } });

        Assert.Equal("dependent_validation_failed", error["extensions"]!["clientError"]![0]!["code"]!.GetValue<string>());
        var after = await api.DataAsync(Update, new { input = new { invoiceId } });
        Assert.Equal("VOID", after["statusEnum"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateInvoice_UnknownPaymentMethod_IsReferredValueDoesNotExist()
    {
        var (api, invoiceId) = await InvoiceAsync("2026-03-01", "2026-03-31");

        var error = await api.ErrorAsync(Update, new { input = new { invoiceId, statusEnum = "PAID", paymentMethod = new { paymentMethodId = "42" } } });

        Assert.Equal("referred_value_does_not_exist", error["extensions"]!["clientError"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateInvoice_InvalidDate_IsTypeValidationFailed()
    {
        var (api, invoiceId) = await InvoiceAsync("2026-03-01", "2026-03-31");

        var error = await api.ErrorAsync(Update, new { input = new { invoiceId, paymentDate = "14/03/2026" } });

        Assert.Equal("type_validation_failed", error["extensions"]!["clientError"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateInvoice_WrongVariableType_IsValidationError()
    {
        var (api, invoiceId) = await InvoiceAsync("2026-03-01", "2026-03-31");

        var result = await api.QueryAsync(Update, new { input = new { invoiceId, statusEnum = "SETTLED" } });

        Assert.False(result.ContainsKey("data"));
        Assert.Contains("statusEnum", result["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateInvoice_NumericIdsInJson_WritesBareNumbers()
    {
        var (api, invoiceId) = await InvoiceAsync("2026-03-01", "2026-03-31");
        var methods = await api.DataAsync("query { getPaymentMethodList { paymentMethodId } }");
        var methodId = methods[0]!["paymentMethodId"]!.GetValue<string>();
        await api.PutSettingsAsync(new { numericIdsInJson = true });

        using var response = await api.PostRawAsync(JsonSerializer.Serialize(new
        {
            query = "mutation updateInvoice($input: UpdateInvoiceInput!) { updateInvoice(input: $input) { invoiceId client paymentMethod } }",
            variables = new { input = new { invoiceId, statusEnum = "PAID", paymentMethod = new { paymentMethodId = methodId } } },
        }));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains($"\"invoiceId\":\"{invoiceId}\"", text);
        Assert.Contains($"\"paymentMethod\":{{\"paymentMethodId\":{methodId},", text);
        Assert.Matches("\"client\":\\{\"accountId\":[0-9]{19},", text);
    }

    [Fact]
    public async Task CreateInvoice_ComputesTotalsAndAppearsInList()
    {
        var api = await fixture.NewTenantAsync();
        var client = await api.AddClientAsync("Create Co");
        var clientId = client["accountId"]!.GetValue<string>();
        var siteId = client["hqSite"]!["id"]!.GetValue<string>();
        var items = await api.DataAsync("query { getInvoiceItemList(input: {page: 1}) { items { itemId } } }");
        Assert.Empty(items["items"]!.AsArray());
        var invoices = await api.AdminAsync(HttpMethod.Get, "invoices");
        Assert.Empty(invoices.AsArray());
        var laptop = await ServiceItemIdAsync(api, "Business Laptop");
        var support = await ServiceItemIdAsync(api, "Remote Support");

        var created = await api.DataAsync(
            "mutation createInvoice($input: CreateInvoiceInput!) { createInvoice(input: $input) { invoiceId displayId statusEnum invoiceDate dueDate totalAmount discountAmount items { quantity unitPrice discountRate amount taxable tax taxAmount totalAmount } taxes { taxableAmount taxAmount } } }",
            new
            {
                input = new
                {
                    client = new { accountId = clientId },
                    site = new { id = siteId },
                    statusEnum = "APPROVED",
                    invoiceDate = "2026-03-15",
                    dueDate = "2026-04-14",
                    addItems = new object[]
                    {
                        new { billedDate = "2026-03-15", serviceItem = new { itemId = laptop }, details = "Laptop", quantity = "2", unitPrice = "1249.00", taxable = true },
                        new { billedDate = "2026-03-15", serviceItem = new { itemId = support }, details = "Support", quantity = "1.5", unitPrice = "125.00", discountRate = "10" },
                    },
                },
            });

        Assert.Equal("031526-0001", created["displayId"]!.GetValue<string>());
        Assert.Equal("APPROVED", created["statusEnum"]!.GetValue<string>());
        var lines = created["items"]!.AsArray();
        Assert.Equal("2498.00", lines[0]!["amount"]!.GetValue<string>());
        Assert.Equal("206.09", lines[0]!["taxAmount"]!.GetValue<string>());
        Assert.Equal("2704.09", lines[0]!["totalAmount"]!.GetValue<string>());
        Assert.Equal("168.75", lines[1]!["amount"]!.GetValue<string>());
        Assert.Equal("0.00", lines[1]!["taxAmount"]!.GetValue<string>());
        Assert.Equal("18.75", created["discountAmount"]!.GetValue<string>());
        Assert.Equal("2872.84", created["totalAmount"]!.GetValue<string>());
        Assert.Equal("2498.00", created["taxes"]![0]!["taxableAmount"]!.GetValue<string>());
        var after = await api.DataAsync("query { getInvoiceItemList(input: {page: 1}) { items { itemId } listInfo { totalCount } } }");
        Assert.Equal(2, after["listInfo"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateInvoice_UnknownClient_IsReferredValueDoesNotExist()
    {
        var api = await fixture.NewTenantAsync();
        var support = await ServiceItemIdAsync(api, "Remote Support");

        var error = await api.ErrorAsync(
            "mutation createInvoice($input: CreateInvoiceInput!) { createInvoice(input: $input) { invoiceId } }",
            new
            {
                input = new
                {
                    client = new { accountId = "1234567890123456789" },
                    site = new { id = "1234567890123456789" },
                    statusEnum = "DRAFT",
                    invoiceDate = "2026-03-15",
                    addItems = new[] { new { billedDate = "2026-03-15", serviceItem = new { itemId = support }, quantity = "1", unitPrice = "1.00" } },
                },
            });

        var clientError = error["extensions"]!["clientError"]![0]!;
        Assert.Equal("referred_value_does_not_exist", clientError["code"]!.GetValue<string>());
        Assert.Equal("client.accountId", clientError["param"]!["attributes"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateClientV2_CreatesClientWithHqSite()
    {
        var api = await fixture.NewTenantAsync();

        var created = await api.DataAsync(
            "mutation createClientV2($input: CreateClientInputV2!) { createClientV2(input: $input) { accountId name stage status emailDomains hqSite } }",
            new { input = new { name = "Northwind Traders", emailDomains = new[] { "northwind.com" }, hqSite = new { name = "HQ", working24x7 = true, timezoneCode = "America/Denver", city = "Denver" } } });
        var sites = await api.DataAsync(
            "query getClientSiteList($input: GetClientSiteListInput!) { getClientSiteList(input: $input) { sites { name working24x7 city hq } } }",
            new { input = new { clientId = created["accountId"]!.GetValue<string>(), listInfo = new { page = 1 } } });

        Assert.Equal("Active", created["stage"]!.GetValue<string>());
        Assert.Equal("Paid", created["status"]!.GetValue<string>());
        Assert.Equal("HQ", created["hqSite"]!["name"]!.GetValue<string>());
        var site = Assert.Single(sites["sites"]!.AsArray())!;
        Assert.True(site["working24x7"]!.GetValue<bool>());
        Assert.Equal("Denver", site["city"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateClientV2_DuplicateName_IsUniqueValidationFailed()
    {
        var api = await fixture.NewTenantAsync();
        await api.AddClientAsync("Same Name LLC");

        var error = await api.ErrorAsync(
            "mutation createClientV2($input: CreateClientInputV2!) { createClientV2(input: $input) { accountId } }",
            new { input = new { name = "same name llc", hqSite = new { name = "HQ", working24x7 = false, timezoneCode = "UTC" } } });

        var clientError = error["extensions"]!["clientError"]![0]!;
        Assert.Equal("unique_validation_failed", clientError["code"]!.GetValue<string>());
        Assert.Equal("name", clientError["param"]!["attributes"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task SoftDeleteClients_HidesClientUntilRestored()
    {
        var api = await fixture.NewTenantAsync();
        var clientId = (await api.AddClientAsync("Trash Co"))["accountId"]!.GetValue<string>();
        var invoice = await api.AddInvoiceAsync(clientId, "2026-03-01", "2026-03-31", "APPROVED", ("Support", "1", "10.00"));
        const string delete = "mutation softDeleteClients($input: [ClientIdentifierInput!]!) { softDeleteClients(input: $input) }";
        const string restore = "mutation restoreClients($input: [ClientIdentifierInput!]!) { restoreClients(input: $input) }";

        Assert.True((await api.DataAsync(delete, new { input = new[] { new { accountId = clientId } } })).GetValue<bool>());
        var lookup = await api.QueryAsync(ClientQuery, new { input = new { accountId = clientId } });
        var clients = await api.DataAsync("query { getClientList(input: {page: 1}) { clients { accountId } listInfo { totalCount } } }");
        var invoices = await api.DataAsync("query { getInvoiceList(input: {page: 1}) { invoices { invoiceId client } } }");
        var lines = await api.DataAsync("query { getInvoiceItemList(input: {page: 1}) { listInfo { totalCount } } }");

        Assert.Null(lookup["data"]!["getClient"]);
        Assert.Equal(0, clients["listInfo"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(invoice["invoiceId"]!.GetValue<string>(), invoices["invoices"]![0]!["invoiceId"]!.GetValue<string>());
        Assert.Equal("Trash Co", invoices["invoices"]![0]!["client"]!["name"]!.GetValue<string>());
        Assert.Equal(0, lines["listInfo"]!["totalCount"]!.GetValue<int>());

        Assert.True((await api.DataAsync(restore, new { input = new[] { new { accountId = clientId } } })).GetValue<bool>());
        var restored = await api.DataAsync(ClientQuery, new { input = new { accountId = clientId } });
        Assert.Equal("Trash Co", restored["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task SoftDeleteClients_UnknownId_ChangesNothing()
    {
        var api = await fixture.NewTenantAsync();
        var clientId = (await api.AddClientAsync("Keep Co"))["accountId"]!.GetValue<string>();

        var error = await api.ErrorAsync(
            "mutation softDeleteClients($input: [ClientIdentifierInput!]!) { softDeleteClients(input: $input) }",
            new { input = new[] { new { accountId = clientId }, new { accountId = "1234567890123456789" } } });

        var clientError = error["extensions"]!["clientError"]![0]!;
        Assert.Equal("entity_does_not_exist", clientError["code"]!.GetValue<string>());
        Assert.Equal(1, clientError["param"]!["index"]!.GetValue<int>());
        var stillThere = await api.DataAsync(ClientQuery, new { input = new { accountId = clientId } });
        Assert.Equal("Keep Co", stillThere["name"]!.GetValue<string>());
    }

    private async Task<(SandboxApi Api, string InvoiceId)> InvoiceAsync(string invoiceDate, string dueDate, string status = "APPROVED")
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Mutation Co"))["accountId"]!.GetValue<string>();
        var invoice = await api.AddInvoiceAsync(client, invoiceDate, dueDate, status, ("Support", "1", "50.00"));
        return (api, invoice["invoiceId"]!.GetValue<string>());
    }

    private static async Task<string> ServiceItemIdAsync(SandboxApi api, string name)
    {
        // getServiceItemList is not implemented, so the ids come from the admin API.
        var tenantItems = await api.AdminAsync(HttpMethod.Get, "service-items");
        return tenantItems.AsArray().Single(i => i!["name"]!.GetValue<string>() == name)!["itemId"]!.GetValue<string>();
    }
}
