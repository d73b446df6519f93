namespace SuperOps.Sandbox.Tests;

/// <summary>Page-number paging with SuperOps' hasMore and pageSize rules.</summary>
public sealed class PagingTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string InvoicePage =
        "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { invoiceId } listInfo { page pageSize hasMore totalCount } } }";

    [Fact]
    public async Task InvoiceList_250Invoices_ComeAsPagesOf100_100_50()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(Clients: 50, InvoicesPerClient: 5, LinesPerInvoice: 2, RandomSeed: 5));
        var seen = new List<string>();
        var sizes = new List<int>();
        var hasMore = new List<bool?>();

        for (var page = 1; page <= 3; page++)
        {
            var list = await api.DataAsync(InvoicePage, new { input = new { page, pageSize = 100 } });
            var ids = list["invoices"]!.AsArray().Select(i => i!["invoiceId"]!.GetValue<string>()).ToList();
            seen.AddRange(ids);
            sizes.Add(ids.Count);
            hasMore.Add(list["listInfo"]!["hasMore"]?.GetValue<bool>());
            Assert.Equal(250, list["listInfo"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(page, list["listInfo"]!["page"]!.GetValue<int>());
        }

        Assert.Equal(new[] { 100, 100, 50 }, sizes);
        Assert.Equal(new bool?[] { true, true, null }, hasMore);
        Assert.Equal(250, seen.Distinct().Count());
    }

    [Fact]
    public async Task LastPage_WithHasMoreNullOff_ReturnsFalse()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(Clients: 3, InvoicesPerClient: 1, LinesPerInvoice: 1, RandomSeed: 5));
        await api.PutSettingsAsync(new { hasMoreNullOnLastPage = false });

        var list = await api.DataAsync(InvoicePage, new { input = new { page = 1, pageSize = 100 } });

        Assert.False(list["listInfo"]!["hasMore"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PageSize500_IsClampedTo100()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(Clients: 30, InvoicesPerClient: 5, LinesPerInvoice: 1, RandomSeed: 6));

        var list = await api.DataAsync(InvoicePage, new { input = new { page = 1, pageSize = 500 } });

        Assert.Equal(100, list["invoices"]!.AsArray().Count);
        Assert.Equal(100, list["listInfo"]!["pageSize"]!.GetValue<int>());
        Assert.True(list["listInfo"]!["hasMore"]!.GetValue<bool>());
        Assert.Equal(150, list["listInfo"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task PageBeyondEnd_ReturnsEmptyPage()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(Clients: 2, InvoicesPerClient: 2, LinesPerInvoice: 1, RandomSeed: 6));

        var list = await api.DataAsync(InvoicePage, new { input = new { page = 5, pageSize = 10 } });

        Assert.Empty(list["invoices"]!.AsArray());
        Assert.Null(list["listInfo"]!["hasMore"]);
        Assert.Equal(4, list["listInfo"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task PageZero_IsTypeValidationError()
    {
        var api = await fixture.NewTenantAsync();

        var error = await api.ErrorAsync(InvoicePage, new { input = new { page = 0, pageSize = 10 } });

        Assert.Equal("type_validation_failed", error["extensions"]!["clientError"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("page", error["extensions"]!["clientError"]![0]!["param"]!["attributes"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingPageSize_UsesDefaultOf10()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(Clients: 4, InvoicesPerClient: 5, LinesPerInvoice: 1, RandomSeed: 6));

        var list = await api.DataAsync(InvoicePage, new { input = new { } });

        Assert.Equal(10, list["invoices"]!.AsArray().Count);
        Assert.Equal(1, list["listInfo"]!["page"]!.GetValue<int>());
        Assert.Equal(10, list["listInfo"]!["pageSize"]!.GetValue<int>());
    }

    [Fact]
    public async Task DefaultOrder_ShiftsOnInsert()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Shifting Co"))["accountId"]!.GetValue<string>();
        for (var i = 0; i < 4; i++)
        {
            await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "APPROVED", ("Support", "1", "10.00"));
        }

        var before = await api.DataAsync(InvoicePage, new { input = new { page = 1, pageSize = 100 } });
        await api.AddInvoiceAsync(client, "2026-03-02", "2026-04-01", "APPROVED", ("Support", "1", "10.00"));
        var after = await api.DataAsync(InvoicePage, new { input = new { page = 1, pageSize = 100 } });

        var beforeIds = before["invoices"]!.AsArray().Select(i => i!["invoiceId"]!.GetValue<string>()).ToList();
        var afterIds = after["invoices"]!.AsArray().Select(i => i!["invoiceId"]!.GetValue<string>()).ToList();
        Assert.Equal(4, beforeIds.Count);
        Assert.Equal(5, afterIds.Count);
        Assert.Equal(afterIds.OrderBy(long.Parse).ToList(), afterIds);
        Assert.All(beforeIds, id => Assert.Contains(id, afterIds));
    }

    [Fact]
    public async Task SortedList_ReflectsWritesBetweenPages()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Sorted Co"))["accountId"]!.GetValue<string>();
        var first = (await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-20", "APPROVED", ("A", "1", "10.00")))["invoiceId"]!.GetValue<string>();
        var second = (await api.AddInvoiceAsync(client, "2026-03-02", "2026-03-25", "APPROVED", ("B", "1", "20.00")))["invoiceId"]!.GetValue<string>();
        var sorted = new { input = new { page = 1, pageSize = 10, sort = new[] { new { attribute = "dueDate", order = "ASC" } } } };

        var before = await api.DataAsync(InvoicePage, sorted);
        await api.DataAsync(
            "mutation updateInvoice($input: UpdateInvoiceInput!) { updateInvoice(input: $input) { invoiceId } }",
            new { input = new { invoiceId = second, dueDate = "2026-03-18" } });
        var afterMutation = await api.DataAsync(InvoicePage, sorted);
        var third = (await api.AddInvoiceAsync(client, "2026-03-03", "2026-03-16", "APPROVED", ("C", "1", "30.00")))["invoiceId"]!.GetValue<string>();
        var afterAdmin = await api.DataAsync(InvoicePage, sorted);

        Assert.Equal(new[] { first, second }, Ids(before));
        Assert.Equal(new[] { second, first }, Ids(afterMutation));
        Assert.Equal(new[] { third, second, first }, Ids(afterAdmin));
    }

    private static List<string> Ids(JsonNode list) =>
        list["invoices"]!.AsArray().Select(i => i!["invoiceId"]!.GetValue<string>()).ToList();
}
