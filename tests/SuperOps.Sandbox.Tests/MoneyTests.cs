using System.Globalization;
using System.Net;

namespace SuperOps.Sandbox.Tests;

/// <summary>Exact decimal money: totals, payments and balances.</summary>
public sealed class MoneyTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task SeededTenant_EveryTotalIsExactSumOfLines()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(Clients: 100, InvoicesPerClient: 10, LinesPerInvoice: 3, RandomSeed: 99));
        var checkedInvoices = 0;

        for (var page = 1; page <= 10; page++)
        {
            var list = await api.DataAsync(
                "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { invoiceId totalAmount additionalDiscount items { quantity unitPrice discountRate amount taxAmount totalAmount } taxes { taxAmount } } listInfo { totalCount } } }",
                new { input = new { page, pageSize = 100 } });
            Assert.Equal(1000, list["listInfo"]!["totalCount"]!.GetValue<int>());

            foreach (var invoice in list["invoices"]!.AsArray())
            {
                var items = invoice!["items"]!.AsArray();
                var linesTotal = items.Sum(i => Parse(i!["totalAmount"]));
                var taxes = invoice["taxes"]!.AsArray().Sum(t => Parse(t!["taxAmount"]));
                Assert.Equal(items.Sum(i => Parse(i!["taxAmount"])), taxes);
                Assert.Equal(linesTotal - Parse(invoice["additionalDiscount"]), Parse(invoice["totalAmount"]));
                foreach (var item in items)
                {
                    var gross = Parse(item!["quantity"]) * Parse(item["unitPrice"]);
                    var discount = item["discountRate"] is { } rate ? Math.Round(gross * Parse(rate) / 100m, 2, MidpointRounding.AwayFromZero) : 0m;
                    Assert.Equal(gross - discount, Parse(item["amount"]));
                    Assert.Matches("^-?[0-9]+\\.[0-9]{2}$", item["amount"]!.GetValue<string>());
                }

                checkedInvoices++;
            }
        }

        Assert.Equal(1000, checkedInvoices);
    }

    [Fact]
    public async Task Payments_CompletingBalance_LeaveZeroDueAndPaid()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Exact Cents Ltd"))["accountId"]!.GetValue<string>();
        var invoice = await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "APPROVED", ("Managed services", "1", "2000.00"), ("Hardware", "2", "278.84"));
        var invoiceId = invoice["invoiceId"]!.GetValue<string>();
        Assert.Equal("2557.68", invoice["totalAmount"]!.GetValue<string>());

        var states = new List<(string Status, string Paid, string Due)>();
        foreach (var amount in new[] { 0.10m, 0.20m, 1000.00m, 1557.38m })
        {
            var payment = await api.AdminAsync(HttpMethod.Post, $"invoices/{invoiceId}/payments",
                new { amount, type = "PAYMENT", paymentReference = "bank" }, HttpStatusCode.Created);
            var after = payment["invoice"]!;
            states.Add((after["statusEnum"]!.GetValue<string>(), after["amountPaid"]!.GetValue<string>(), after["balanceDue"]!.GetValue<string>()));
        }

        Assert.Equal(
            new[] { ("APPROVED", "0.10", "2557.58"), ("APPROVED", "0.30", "2557.38"), ("APPROVED", "1000.30", "1557.38"), ("PAID", "2557.68", "0.00") },
            states);
        var read = await api.DataAsync(
            "query getInvoice($input: InvoiceIdentifierInput!) { getInvoice(input: $input) { statusEnum amountPaid balanceDue paymentDate payments { paymentId type amount paymentDate paymentReference } } }",
            new { input = new { invoiceId } });
        Assert.Equal("PAID", read["statusEnum"]!.GetValue<string>());
        Assert.Equal("0.00", read["balanceDue"]!.GetValue<string>());
        Assert.Equal("2557.68", read["amountPaid"]!.GetValue<string>());
        Assert.Equal("2026-03-15", read["paymentDate"]!.GetValue<string>());
        Assert.Equal(new[] { "0.10", "0.20", "1000.00", "1557.38" }, read["payments"]!.AsArray().Select(p => p!["amount"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Credit_CountsTowardsAmountPaid()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Credit Co"))["accountId"]!.GetValue<string>();
        var invoiceId = (await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "APPROVED", ("Support", "1", "100.00")))["invoiceId"]!.GetValue<string>();

        await api.AdminAsync(HttpMethod.Post, $"invoices/{invoiceId}/payments", new { amount = "25.50", type = "CREDIT" }, HttpStatusCode.Created);
        var read = await api.DataAsync(
            "query getInvoice($input: InvoiceIdentifierInput!) { getInvoice(input: $input) { statusEnum amountPaid balanceDue payments { type amount } } }",
            new { input = new { invoiceId } });

        Assert.Equal("APPROVED", read["statusEnum"]!.GetValue<string>());
        Assert.Equal("25.50", read["amountPaid"]!.GetValue<string>());
        Assert.Equal("74.50", read["balanceDue"]!.GetValue<string>());
        Assert.Equal("CREDIT", read["payments"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateInvoicePaid_BalanceZeroWithoutPaymentEntry()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Marked Paid Co"))["accountId"]!.GetValue<string>();
        var invoiceId = (await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "APPROVED", ("Support", "3", "33.33")))["invoiceId"]!.GetValue<string>();

        var read = await api.DataAsync(
            "mutation updateInvoice($input: UpdateInvoiceInput!) { updateInvoice(input: $input) { statusEnum totalAmount amountPaid balanceDue payments { amount } } }",
            new { input = new { invoiceId, statusEnum = "PAID" } });

        Assert.Equal("PAID", read["statusEnum"]!.GetValue<string>());
        Assert.Equal("99.99", read["totalAmount"]!.GetValue<string>());
        Assert.Equal("0.00", read["amountPaid"]!.GetValue<string>());
        Assert.Equal("0.00", read["balanceDue"]!.GetValue<string>());
        Assert.Empty(read["payments"]!.AsArray());
    }

    [Fact]
    public async Task Overpayment_LeavesBalanceZero()
    {
        var api = await fixture.NewTenantAsync();
        var client = (await api.AddClientAsync("Over Co"))["accountId"]!.GetValue<string>();
        var invoiceId = (await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "APPROVED", ("Support", "1", "10.00")))["invoiceId"]!.GetValue<string>();

        var payment = await api.AdminAsync(HttpMethod.Post, $"invoices/{invoiceId}/payments", new { amount = 12.5, type = "PAYMENT" }, HttpStatusCode.Created);

        Assert.Equal("12.50", payment["amount"]!.GetValue<string>());
        Assert.Equal("PAID", payment["invoice"]!["statusEnum"]!.GetValue<string>());
        Assert.Equal("0.00", payment["invoice"]!["balanceDue"]!.GetValue<string>());
    }

    private static decimal Parse(JsonNode? node) => decimal.Parse(node!.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture);
}
