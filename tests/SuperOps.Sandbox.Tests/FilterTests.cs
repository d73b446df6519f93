namespace SuperOps.Sandbox.Tests;

/// <summary>Every condition operator on every filterable attribute, in the leaf and the group form.</summary>
public sealed class FilterTests(FilterBooksFixture books) : IClassFixture<FilterBooksFixture>
{
    private const string InvoiceQuery =
        "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { invoiceId } listInfo { totalCount } } }";

    private const string ClientQuery =
        "query getClientList($input: ListInfoInput!) { getClientList(input: $input) { clients { accountId name } listInfo { totalCount } } }";

    [Theory]
    [InlineData("statusEnum", "is", "\"APPROVED\"", "I1")]
    [InlineData("statusEnum", "is", "\"OVERDUE\"", "I2")]
    [InlineData("statusEnum", "isNot", "\"APPROVED\"", "I2,I3,I4,I5")]
    [InlineData("statusEnum", "includes", "[\"PAID\",\"VOID\"]", "I3,I5")]
    [InlineData("statusEnum", "notIncludes", "[\"PAID\",\"VOID\"]", "I1,I2,I4")]
    [InlineData("statusEnum", "isEmpty", "null", "")]
    [InlineData("statusEnum", "isNotEmpty", "null", "I1,I2,I3,I4,I5")]
    [InlineData("statusEnum", "startsWith", "\"OVER\"", "I2")]
    [InlineData("statusEnum", "endsWith", "\"ID\"", "I3,I5")]
    [InlineData("statusEnum", "contains", "\"raf\"", "I4")]
    [InlineData("statusEnum", "notContains", "\"A\"", "I2,I5")]
    [InlineData("invoiceDate", "on", "\"2026-03-10\"", "I1")]
    [InlineData("invoiceDate", "on", "\"placeholder.today\"", "I4")]
    [InlineData("invoiceDate", "on", "\"placeholder.this.week\"", "I1,I4")]
    [InlineData("invoiceDate", "on", "\"placeholder.this.month\"", "I1,I4")]
    [InlineData("invoiceDate", "on", "\"placeholder.last.month\"", "I3")]
    [InlineData("invoiceDate", "between", "{\"from\":\"2026-01-01\",\"to\":\"2026-02-28\"}", "I2,I3")]
    [InlineData("invoiceDate", "between", "[\"2025-12-01\",\"2026-01-05\"]", "I2,I5")]
    [InlineData("invoiceDate", "inLast", "{\"unit\":\"DAY\",\"quantity\":7}", "I1,I4")]
    [InlineData("invoiceDate", "after", "\"2026-03-10\"", "I4")]
    [InlineData("invoiceDate", "before", "\"2026-01-05\"", "I5")]
    [InlineData("dueDate", "inNext", "{\"unit\":\"DAY\",\"quantity\":7}", "I3")]
    [InlineData("dueDate", "before", "\"placeholder.today\"", "I2,I5")]
    [InlineData("dueDate", "isEmpty", "null", "I4")]
    [InlineData("dueDate", "isNotEmpty", "null", "I1,I2,I3,I5")]
    [InlineData("client.name", "is", "\"Gamma Logistics\"", "I5")]
    [InlineData("client.name", "isNot", "\"Gamma Logistics\"", "I1,I2,I3,I4")]
    [InlineData("client.name", "startsWith", "\"alpha\"", "I1,I2")]
    [InlineData("client.name", "endsWith", "\"Logistics\"", "I5")]
    [InlineData("client.name", "contains", "\"legal\"", "I3,I4")]
    [InlineData("client.name", "notContains", "\"Dental\"", "I3,I4,I5")]
    [InlineData("client.name", "includes", "[\"Beta Legal Inc\",\"Gamma Logistics\"]", "I3,I4,I5")]
    [InlineData("client.name", "notIncludes", "[\"Beta Legal Inc\"]", "I1,I2,I5")]
    [InlineData("totalAmount", "is", "100", "I1")]
    [InlineData("totalAmount", "isNot", "\"100.00\"", "I2,I3,I4,I5")]
    [InlineData("totalAmount", "greaterThan", "250.50", "I3,I5")]
    [InlineData("totalAmount", "greaterThanOrEqual", "\"250.50\"", "I2,I3,I5")]
    [InlineData("totalAmount", "lessThan", "100", "I4")]
    [InlineData("totalAmount", "lessThanOrEqual", "100", "I1,I4")]
    [InlineData("totalAmount", "isNotEmpty", "null", "I1,I2,I3,I4,I5")]
    public async Task InvoiceCondition_SelectsMatchingInvoices(string attribute, string op, string valueJson, string expected)
    {
        var list = await books.Api.DataAsync(InvoiceQuery, new
        {
            input = new { page = 1, pageSize = 100, condition = new { attribute, @operator = op, value = JsonNode.Parse(valueJson) } },
        });

        Assert.Equal(expected, InvoiceLabels(list));
        Assert.Equal(expected.Length == 0 ? 0 : expected.Split(',').Length, list["listInfo"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task InvoiceCondition_ClientAccountId_SelectsClient()
    {
        var alpha = books.ClientIds["Alpha Dental LLC"];

        var list = await books.Api.DataAsync(InvoiceQuery, new
        {
            input = new { page = 1, pageSize = 100, condition = new { attribute = "client.accountId", @operator = "is", value = alpha } },
        });

        Assert.Equal("I1,I2", InvoiceLabels(list));
    }

    [Fact]
    public async Task InvoiceCondition_AndGroup_RequiresEveryOperand()
    {
        var list = await books.Api.DataAsync(InvoiceQuery, new
        {
            input = new
            {
                page = 1,
                pageSize = 100,
                condition = new
                {
                    joinOperator = "AND",
                    operands = new object[]
                    {
                        new { attribute = "client.name", @operator = "startsWith", value = "Alpha" },
                        new { attribute = "totalAmount", @operator = "greaterThan", value = 150 },
                    },
                },
            },
        });

        Assert.Equal("I2", InvoiceLabels(list));
    }

    [Fact]
    public async Task InvoiceCondition_NestedGroups_AreEvaluated()
    {
        var list = await books.Api.DataAsync(InvoiceQuery, new
        {
            input = new
            {
                page = 1,
                pageSize = 100,
                condition = new
                {
                    joinOperator = "OR",
                    operands = new object[]
                    {
                        new { attribute = "statusEnum", @operator = "is", value = "VOID" },
                        new
                        {
                            joinOperator = "AND",
                            operands = new object[]
                            {
                                new { attribute = "statusEnum", @operator = "is", value = "PAID" },
                                new { attribute = "totalAmount", @operator = "is", value = "1000.00" },
                            },
                        },
                    },
                },
            },
        });

        Assert.Equal("I3,I5", InvoiceLabels(list));
    }

    [Theory]
    [InlineData("name", "is", "\"gamma logistics\"", "Gamma Logistics")]
    [InlineData("name", "isNot", "\"Gamma Logistics\"", "Alpha Dental LLC,Beta Legal Inc,Delta Prospects Group")]
    [InlineData("name", "startsWith", "\"Be\"", "Beta Legal Inc")]
    [InlineData("name", "endsWith", "\"LLC\"", "Alpha Dental LLC")]
    [InlineData("name", "contains", "\"ta\"", "Alpha Dental LLC,Beta Legal Inc,Delta Prospects Group")]
    [InlineData("name", "notContains", "\"ta\"", "Gamma Logistics")]
    [InlineData("name", "includes", "[\"Alpha Dental LLC\",\"Nobody\"]", "Alpha Dental LLC")]
    [InlineData("name", "notIncludes", "[\"Alpha Dental LLC\"]", "Beta Legal Inc,Delta Prospects Group,Gamma Logistics")]
    [InlineData("name", "isEmpty", "null", "")]
    [InlineData("name", "isNotEmpty", "null", "Alpha Dental LLC,Beta Legal Inc,Delta Prospects Group,Gamma Logistics")]
    [InlineData("emailDomains", "includes", "[\"beta-law.com\"]", "Beta Legal Inc")]
    [InlineData("emailDomains", "notIncludes", "[\"beta-law.com\",\"alphadental.com\"]", "Delta Prospects Group,Gamma Logistics")]
    [InlineData("emailDomains", "is", "\"alphadental.com\"", "Alpha Dental LLC")]
    [InlineData("emailDomains", "contains", "\"dental\"", "Alpha Dental LLC")]
    [InlineData("emailDomains", "isEmpty", "null", "Gamma Logistics")]
    [InlineData("stage", "is", "\"Prospect\"", "Delta Prospects Group")]
    [InlineData("stage", "isNot", "\"Prospect\"", "Alpha Dental LLC,Beta Legal Inc,Gamma Logistics")]
    [InlineData("status", "is", "\"Lead\"", "Delta Prospects Group")]
    [InlineData("status", "includes", "[\"Paid\"]", "Alpha Dental LLC,Beta Legal Inc,Gamma Logistics")]
    public async Task ClientCondition_SelectsMatchingClients(string attribute, string op, string valueJson, string expected)
    {
        var list = await books.Api.DataAsync(ClientQuery, new
        {
            input = new
            {
                page = 1,
                pageSize = 100,
                condition = new { attribute, @operator = op, value = JsonNode.Parse(valueJson) },
                sort = new[] { new { attribute = "name", order = "ASC" } },
            },
        });

        var names = string.Join(",", list["clients"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task UnknownAttribute_IsErrorNamingIt()
    {
        var error = await books.Api.ErrorAsync(InvoiceQuery, new
        {
            input = new { condition = new { attribute = "colour", @operator = "is", value = "red" } },
        });

        Assert.Contains("'colour'", error["message"]!.GetValue<string>());
        var clientError = error["extensions"]!["clientError"]![0]!;
        Assert.Equal("type_validation_failed", clientError["code"]!.GetValue<string>());
        Assert.Equal("colour", clientError["param"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownOperator_IsErrorNamingIt()
    {
        var error = await books.Api.ErrorAsync(InvoiceQuery, new
        {
            input = new { condition = new { attribute = "totalAmount", @operator = "startsWith", value = "1" } },
        });

        Assert.Equal(
            "Condition operator 'startsWith' is not supported for attribute 'totalAmount'; use one of: is, isNot, isEmpty, isNotEmpty, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual.",
            error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownSortAttribute_IsErrorNamingIt()
    {
        var error = await books.Api.ErrorAsync(ClientQuery, new
        {
            input = new { sort = new[] { new { attribute = "lastCommunicatedTime", order = "ASC" } } },
        });

        Assert.Contains("'lastCommunicatedTime'", error["message"]!.GetValue<string>());
        Assert.Equal("type_validation_failed", error["extensions"]!["clientError"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidDateValue_IsTypeValidationError()
    {
        var error = await books.Api.ErrorAsync(InvoiceQuery, new
        {
            input = new { condition = new { attribute = "invoiceDate", @operator = "on", value = "15/03/2026" } },
        });

        Assert.Equal("type_validation_failed", error["extensions"]!["clientError"]![0]!["code"]!.GetValue<string>());
    }

    private string InvoiceLabels(JsonNode list) =>
        string.Join(",", list["invoices"]!.AsArray().Select(i => books.InvoiceLabels[i!["invoiceId"]!.GetValue<string>()]).Order());
}
