namespace SuperOps.Sandbox.Tests;

/// <summary>The example requests a SuperOps client sends, and GraphQL validation as SuperOps applies it.</summary>
public sealed class ConformanceTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly SandboxSeed SmallBooks = new(Clients: 4, InvoicesPerClient: 3, LinesPerInvoice: 3, RandomSeed: 11);

    [Fact]
    public async Task ClientListExample_ReturnsClientsSortedByName()
    {
        var api = await fixture.NewTenantAsync(SmallBooks);

        var list = await api.DataAsync(
            "query getClientList($input: ListInfoInput!) { getClientList(input: $input) { clients { accountId name stage status emailDomains accountManager primaryContact hqSite customFields } listInfo { page pageSize hasMore totalCount } } }",
            new { input = new { page = 1, pageSize = 100, sort = new[] { new { attribute = "name", order = "ASC" } } } });

        var clients = list["clients"]!.AsArray();
        Assert.Equal(4, clients.Count);
        var names = clients.Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList(), names);
        var first = clients[0]!.AsObject();
        Assert.Matches("^[0-9]{19}$", first["accountId"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.String, first["stage"]!.GetValueKind());
        Assert.Single(first["emailDomains"]!.AsArray());
        Assert.Equal(JsonValueKind.Object, first["accountManager"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Object, first["primaryContact"]!.GetValueKind());
        Assert.Equal("Headquarters", first["hqSite"]!["name"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Object, first["customFields"]!.GetValueKind());
        Assert.Equal(1, list["listInfo"]!["page"]!.GetValue<int>());
        Assert.Equal(100, list["listInfo"]!["pageSize"]!.GetValue<int>());
        Assert.Null(list["listInfo"]!["hasMore"]);
        Assert.Equal(4, list["listInfo"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ClientExample_ReturnsOneClient()
    {
        var api = await fixture.NewTenantAsync(SmallBooks);
        var created = await api.AddClientAsync("Contoso Dental LLC", "contosodental.com");
        var accountId = created["accountId"]!.GetValue<string>();

        var client = await api.DataAsync(
            "query getClient($input: ClientIdentifierInput!) { getClient(input: $input) { accountId name stage status emailDomains primaryContact hqSite } }",
            new { input = new { accountId } });

        Assert.Equal(accountId, client["accountId"]!.GetValue<string>());
        Assert.Equal("Contoso Dental LLC", client["name"]!.GetValue<string>());
        Assert.Equal("Active", client["stage"]!.GetValue<string>());
        Assert.Equal("Paid", client["status"]!.GetValue<string>());
        Assert.Equal("contosodental.com", client["emailDomains"]![0]!.GetValue<string>());
        Assert.Null(client["primaryContact"]);
        Assert.Equal("Headquarters", client["hqSite"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientSiteListExample_ReturnsSitesOfClient()
    {
        var api = await fixture.NewTenantAsync(SmallBooks);
        var created = await api.AddClientAsync("Fabrikam Legal", "fabrikamlegal.com");
        var clientId = created["accountId"]!.GetValue<string>();

        var list = await api.DataAsync(
            "query getClientSiteList($input: GetClientSiteListInput!) { getClientSiteList(input: $input) { sites { id name hq line1 line2 city stateCode postalCode countryCode timezoneCode client } listInfo { hasMore totalCount } } }",
            new { input = new { clientId, listInfo = new { page = 1, pageSize = 100 } } });

        var site = Assert.Single(list["sites"]!.AsArray())!;
        Assert.Equal(created["hqSite"]!["id"]!.GetValue<string>(), site["id"]!.GetValue<string>());
        Assert.True(site["hq"]!.GetValue<bool>());
        Assert.Equal("America/New_York", site["timezoneCode"]!.GetValue<string>());
        Assert.Equal(clientId, site["client"]!["accountId"]!.GetValue<string>());
        Assert.Equal("Fabrikam Legal", site["client"]!["name"]!.GetValue<string>());
        Assert.Null(list["listInfo"]!["hasMore"]);
        Assert.Equal(1, list["listInfo"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task InvoiceListExample_ReturnsHeaderFields()
    {
        var api = await fixture.NewTenantAsync(SmallBooks);

        var list = await api.DataAsync(
            "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { invoiceId displayId client site invoiceDate dueDate statusEnum sentToClient totalAmount paymentDate paymentMethod paymentReference } listInfo { page pageSize hasMore totalCount } } }",
            new { input = new { page = 1, pageSize = 100 } });

        var invoices = list["invoices"]!.AsArray();
        Assert.Equal(12, invoices.Count);
        var ids = invoices.Select(i => long.Parse(i!["invoiceId"]!.GetValue<string>())).ToList();
        Assert.Equal(ids.Order().ToList(), ids);
        foreach (var invoice in invoices)
        {
            Assert.Matches("^[0-9]{6}-[0-9]{4}$", invoice!["displayId"]!.GetValue<string>());
            Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", invoice["invoiceDate"]!.GetValue<string>());
            Assert.Matches("^[0-9]+\\.[0-9]{2}$", invoice["totalAmount"]!.GetValue<string>());
            Assert.Contains(invoice["statusEnum"]!.GetValue<string>(), new[] { "DRAFT", "APPROVED", "PAID", "OVERDUE", "VOID" });
            Assert.Equal(JsonValueKind.Object, invoice["client"]!.GetValueKind());
            Assert.Equal(JsonValueKind.Object, invoice["site"]!.GetValueKind());
        }

        Assert.Equal(12, list["listInfo"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task OpenInvoicesExample_ReturnsOpenInvoices()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Open Books Inc"))["accountId"]!.GetValue<string>();
        await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "APPROVED", ("Support", "1", "100.00"));
        await api.AddInvoiceAsync(client, "2026-01-10", "2026-02-09", "APPROVED", ("Support", "1", "200.00"));
        await api.AddInvoiceAsync(client, "2026-02-01", "2026-03-03", "PAID", ("Support", "1", "300.00"));
        await api.AddInvoiceAsync(client, "2026-03-10", "2026-04-09", "DRAFT", ("Support", "1", "400.00"));

        var list = await api.DataAsync(
            "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { invoiceId displayId client statusEnum dueDate totalAmount } listInfo { hasMore totalCount } } }",
            new
            {
                input = new
                {
                    page = 1,
                    pageSize = 100,
                    condition = new
                    {
                        joinOperator = "OR",
                        operands = new[]
                        {
                            new { attribute = "statusEnum", @operator = "is", value = "APPROVED" },
                            new { attribute = "statusEnum", @operator = "is", value = "OVERDUE" },
                        },
                    },
                    sort = new[] { new { attribute = "invoiceDate", order = "DESC" } },
                },
            });

        var invoices = list["invoices"]!.AsArray();
        Assert.Equal(2, invoices.Count);
        Assert.Equal("APPROVED", invoices[0]!["statusEnum"]!.GetValue<string>());
        Assert.Equal("100.00", invoices[0]!["totalAmount"]!.GetValue<string>());
        Assert.Equal("OVERDUE", invoices[1]!["statusEnum"]!.GetValue<string>());
        Assert.Equal("200.00", invoices[1]!["totalAmount"]!.GetValue<string>());
        Assert.Equal(2, list["listInfo"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task InvoiceExample_ReturnsLinesAndTaxes()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(20, 5, 4, RandomSeed: 3));
        var invoices = await api.AdminAsync(HttpMethod.Get, "invoices");
        var taxed = invoices.AsArray().First(i => i!["taxes"]!.AsArray().Count > 0)!;
        var invoiceId = taxed["invoiceId"]!.GetValue<string>();

        var invoice = await api.DataAsync(
            "query getInvoice($input: InvoiceIdentifierInput!) { getInvoice(input: $input) { invoiceId displayId client site invoiceDate dueDate statusEnum sentToClient discountAmount additionalDiscount additionalDiscountRate totalAmount notes paymentDate paymentMethod paymentReference invoicePaymentTerm items { itemId billedDate details quantity unitPrice discountRate amount taxable tax serviceItem taxAmount totalAmount } taxes { id tax taxRate taxableAmount taxAmount rate } } }",
            new { input = new { invoiceId } });

        Assert.Equal(invoiceId, invoice["invoiceId"]!.GetValue<string>());
        Assert.Equal(taxed["totalAmount"]!.GetValue<string>(), invoice["totalAmount"]!.GetValue<string>());
        Assert.Equal("Net 30", invoice["invoicePaymentTerm"]!["name"]!.GetValue<string>());
        var items = invoice["items"]!.AsArray();
        Assert.InRange(items.Count, 1, 8);
        var taxable = items.First(i => i!["taxable"]!.GetValue<bool>())!;
        Assert.Equal("Sales Tax", taxable["tax"]!["name"]!.GetValue<string>());
        Assert.Equal("UNITS", taxable["serviceItem"]!["quantityType"]!.GetValue<string>());
        var tax = Assert.Single(invoice["taxes"]!.AsArray())!;
        Assert.Equal("8.25", tax["taxRate"]!.GetValue<string>());
        Assert.Equal("8.25", tax["rate"]!["rateValue"]!.GetValue<string>());
        var lineTaxes = items.Sum(i => decimal.Parse(i!["taxAmount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(lineTaxes, decimal.Parse(tax["taxAmount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PaymentMethodListExample_ReturnsMethods()
    {
        var api = await fixture.NewTenantAsync();

        var methods = await api.DataAsync("query { getPaymentMethodList { paymentMethodId paymentMethodName } }");

        Assert.Equal(
            new[] { "Cash", "Check", "Credit Card", "Bank Transfer", "Other" },
            methods.AsArray().Select(m => m!["paymentMethodName"]!.GetValue<string>()));
        Assert.All(methods.AsArray(), m => Assert.Matches("^[0-9]{19}$", m!["paymentMethodId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UpdateInvoiceExample_MarksInvoicePaid()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Paid Up LLC"))["accountId"]!.GetValue<string>();
        var invoiceId = (await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "APPROVED", ("Support", "2", "150.00")))["invoiceId"]!.GetValue<string>();
        var methods = await api.DataAsync("query { getPaymentMethodList { paymentMethodId paymentMethodName } }");
        var methodId = methods[2]!["paymentMethodId"]!.GetValue<string>();

        var invoice = await api.DataAsync(
            "mutation updateInvoice($input: UpdateInvoiceInput!) { updateInvoice(input: $input) { invoiceId displayId statusEnum paymentDate paymentMethod paymentReference totalAmount } }",
            new { input = new { invoiceId, statusEnum = "PAID", paymentDate = "2026-03-14", paymentMethod = new { paymentMethodId = methodId }, paymentReference = "PAY-platform-txn-8f3c21" } });

        Assert.Equal(invoiceId, invoice["invoiceId"]!.GetValue<string>());
        Assert.Equal("PAID", invoice["statusEnum"]!.GetValue<string>());
        Assert.Equal("2026-03-14", invoice["paymentDate"]!.GetValue<string>());
        Assert.Equal(methodId, invoice["paymentMethod"]!["paymentMethodId"]!.GetValue<string>());
        Assert.Equal("Credit Card", invoice["paymentMethod"]!["name"]!.GetValue<string>());
        Assert.Equal("PAY-platform-txn-8f3c21", invoice["paymentReference"]!.GetValue<string>());
        Assert.Equal("300.00", invoice["totalAmount"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientStageListExample_ReturnsStagesWithStatuses()
    {
        var api = await fixture.NewTenantAsync();

        var stages = await api.DataAsync("query { getClientStageList { stageId name constant statuses { statusId name constant } } }");

        Assert.Equal(new[] { "ACTIVE", "INACTIVE", "PROSPECT" }, stages.AsArray().Select(s => s!["constant"]!.GetValue<string>()));
        Assert.Equal(new[] { "PAID", "TRIAL", "UNPAID" }, stages[0]!["statuses"]!.AsArray().Select(s => s!["constant"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PaymentTermList_ReturnsTermsWithDays()
    {
        var api = await fixture.NewTenantAsync();

        var terms = await api.DataAsync("query { getPaymentTermList { paymentTermId paymentTermName paymentTermValue } }");

        Assert.Equal(new[] { 0, 15, 30, 60 }, terms.AsArray().Select(t => t!["paymentTermValue"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Introspection_WithBothHeaders_ReturnsSchema()
    {
        var api = await fixture.NewTenantAsync();

        var typename = await api.QueryAsync("{ __typename }");
        var type = await api.DataAsync("{ __type(name: \"Invoice\") { name fields { name } } }");

        Assert.Equal("Query", typename["data"]!["__typename"]!.GetValue<string>());
        var fields = type["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("totalAmount", fields);
        Assert.Contains("balanceDue", fields);
    }

    [Fact]
    public async Task JsonField_WithSubSelection_IsValidationError()
    {
        var api = await fixture.NewTenantAsync();

        var result = await api.QueryAsync("query { getInvoiceList(input: {page: 1}) { invoices { client { accountId } } } }");

        Assert.False(result.ContainsKey("data"));
        Assert.Equal("Field client of type JSON must not have a sub selection", result["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ObjectList_WithoutSubSelection_IsValidationError()
    {
        var api = await fixture.NewTenantAsync();

        var result = await api.QueryAsync("query { getInvoice(input: {invoiceId: \"1\"}) { invoiceId taxes } }");

        Assert.False(result.ContainsKey("data"));
        Assert.Equal("Field taxes of type [InvoiceTaxItem] must have a sub selection", result["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnimplementedOperation_ReturnsErrorNamingIt()
    {
        var api = await fixture.NewTenantAsync();

        var error = await api.ErrorAsync("query { getTicketList(input: {page: 1}) { tickets { ticketId } } }");

        Assert.Equal("The SuperOps sandbox does not implement getTicketList.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownInvoice_ReturnsNullAndEntityDoesNotExist()
    {
        var api = await fixture.NewTenantAsync();

        var result = await api.QueryAsync("query { getInvoice(input: {invoiceId: \"1234567890123456789\"}) { invoiceId } }");

        Assert.Null(result["data"]!["getInvoice"]);
        var clientError = result["errors"]![0]!["extensions"]!["clientError"]![0]!;
        Assert.Equal("entity_does_not_exist", clientError["code"]!.GetValue<string>());
        Assert.Equal("invoiceId", clientError["param"]!["attributes"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownClient_ReturnsNullAndEntityDoesNotExist()
    {
        var api = await fixture.NewTenantAsync();

        var result = await api.QueryAsync("query { getClient(input: {accountId: \"1234567890123456789\"}) { accountId } }");

        Assert.Null(result["data"]!["getClient"]);
        Assert.Equal("entity_does_not_exist", result["errors"]![0]!["extensions"]!["clientError"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvoiceItemList_LinesSelectTheirInvoiceId()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Lines Co"))["accountId"]!.GetValue<string>();
        var first = await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "APPROVED", ("A", "1", "10.00"), ("B", "2", "5.00"));
        var second = await api.AddInvoiceAsync(client, "2026-03-02", "2026-04-01", "APPROVED", ("C", "3", "1.50"));

        var list = await api.DataAsync(
            "query getInvoiceItemList($input: ListInfoInput!) { getInvoiceItemList(input: $input) { items { itemId details amount invoice { invoiceId } } listInfo { totalCount } } }",
            new { input = new { page = 1, pageSize = 100 } });

        var items = list["items"]!.AsArray();
        Assert.Equal(3, list["listInfo"]!["totalCount"]!.GetValue<int>());
        var ids = items.Select(i => long.Parse(i!["itemId"]!.GetValue<string>())).ToList();
        Assert.Equal(ids.Order().ToList(), ids);
        var byDetails = items.ToDictionary(i => i!["details"]!.GetValue<string>(), i => i!["invoice"]!["invoiceId"]!.GetValue<string>());
        Assert.Equal(first["invoiceId"]!.GetValue<string>(), byDetails["A"]);
        Assert.Equal(first["invoiceId"]!.GetValue<string>(), byDetails["B"]);
        Assert.Equal(second["invoiceId"]!.GetValue<string>(), byDetails["C"]);
    }
}
