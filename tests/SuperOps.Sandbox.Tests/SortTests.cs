namespace SuperOps.Sandbox.Tests;

/// <summary>Sorting by each sortable attribute in both directions, ties broken by id.</summary>
public sealed class SortTests(FilterBooksFixture books) : IClassFixture<FilterBooksFixture>
{
    private const string InvoiceQuery =
        "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { invoiceId } listInfo { sort { attribute order } } } }";

    private const string ClientQuery =
        "query getClientList($input: ListInfoInput!) { getClientList(input: $input) { clients { accountId name } } }";

    [Theory]
    [InlineData("invoiceDate", "ASC", "I5,I2,I3,I1,I4")]
    [InlineData("invoiceDate", "DESC", "I4,I1,I3,I2,I5")]
    [InlineData("dueDate", "ASC", "I4,I5,I2,I3,I1")]
    [InlineData("dueDate", "DESC", "I1,I3,I2,I5,I4")]
    [InlineData("totalAmount", "ASC", "I4,I1,I2,I5,I3")]
    [InlineData("totalAmount", "DESC", "I3,I5,I2,I1,I4")]
    [InlineData("statusEnum", "ASC", "I1,I4,I2,I3,I5")]
    [InlineData("statusEnum", "DESC", "I5,I3,I2,I4,I1")]
    public async Task InvoiceSort_OrdersByAttribute(string attribute, string order, string expected)
    {
        var list = await books.Api.DataAsync(InvoiceQuery, new
        {
            input = new { page = 1, pageSize = 100, sort = new[] { new { attribute, order } } },
        });

        Assert.Equal(expected, Labels(list));
        Assert.Equal(attribute, list["listInfo"]!["sort"]![0]!["attribute"]!.GetValue<string>());
        Assert.Equal(order, list["listInfo"]!["sort"]![0]!["order"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ASC")]
    [InlineData("DESC")]
    public async Task InvoiceSort_ByClientName_GroupsByClientThenId(string order)
    {
        var list = await books.Api.DataAsync(InvoiceQuery, new
        {
            input = new { page = 1, pageSize = 100, sort = new[] { new { attribute = "client.name", order } } },
        });

        var clientOrder = order == "ASC" ? new[] { "Alpha", "Beta", "Gamma" } : ["Gamma", "Beta", "Alpha"];
        var labels = Labels(list).Split(',');
        var expectedGroups = clientOrder.Select(c => c switch
        {
            "Alpha" => new[] { "I1", "I2" },
            "Beta" => ["I3", "I4"],
            _ => ["I5"],
        }).ToList();
        Assert.Equal(expectedGroups.SelectMany(g => g).Order(), labels.Order());
        var index = 0;
        foreach (var group in expectedGroups)
        {
            Assert.Equal(group.Order(), labels.Skip(index).Take(group.Length).Order());
            index += group.Length;
        }
    }

    [Theory]
    [InlineData("client.accountId", "ASC")]
    [InlineData("client.accountId", "DESC")]
    [InlineData("invoiceId", "ASC")]
    [InlineData("invoiceId", "DESC")]
    public async Task InvoiceSort_ByIdAttributes_OrdersNumerically(string attribute, string order)
    {
        var list = await books.Api.DataAsync(
            "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { invoiceId client } } }",
            new { input = new { page = 1, pageSize = 100, sort = new[] { new { attribute, order } } } });

        var keys = list["invoices"]!.AsArray()
            .Select(i => attribute == "invoiceId" ? i!["invoiceId"]!.GetValue<string>() : i!["client"]!["accountId"]!.GetValue<string>())
            .ToList();
        var sorted = order == "ASC" ? keys.OrderBy(long.Parse).ToList() : keys.OrderByDescending(long.Parse).ToList();
        Assert.Equal(sorted, keys);
    }

    [Theory]
    [InlineData("name", "ASC", "Alpha Dental LLC,Beta Legal Inc,Delta Prospects Group,Gamma Logistics")]
    [InlineData("name", "DESC", "Gamma Logistics,Delta Prospects Group,Beta Legal Inc,Alpha Dental LLC")]
    [InlineData("emailDomains", "ASC", "Gamma Logistics,Alpha Dental LLC,Beta Legal Inc,Delta Prospects Group")]
    [InlineData("stage", "DESC", "Delta Prospects Group")]
    [InlineData("status", "ASC", "Delta Prospects Group")]
    public async Task ClientSort_OrdersByAttribute(string attribute, string order, string expectedPrefix)
    {
        var list = await books.Api.DataAsync(ClientQuery, new
        {
            input = new { page = 1, pageSize = 100, sort = new[] { new { attribute, order } } },
        });

        var names = string.Join(",", list["clients"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.StartsWith(expectedPrefix, names);
    }

    [Fact]
    public async Task ClientSort_ByAccountIdDescending_OrdersNumerically()
    {
        var list = await books.Api.DataAsync(ClientQuery, new
        {
            input = new { page = 1, pageSize = 100, sort = new[] { new { attribute = "accountId", order = "DESC" } } },
        });

        var ids = list["clients"]!.AsArray().Select(c => c!["accountId"]!.GetValue<string>()).ToList();
        Assert.Equal(4, ids.Count);
        Assert.Equal(ids.OrderByDescending(long.Parse).ToList(), ids);
    }

    private string Labels(JsonNode list) =>
        string.Join(",", list["invoices"]!.AsArray().Select(i => books.InvoiceLabels[i!["invoiceId"]!.GetValue<string>()]));
}
