using System.Net;

namespace SuperOps.Sandbox.Tests;

/// <summary>Concurrent writes and reads on one tenant.</summary>
public sealed class ConcurrencyTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task ConcurrentPaymentsAndReads_LoseNoUpdate()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(Clients: 20, InvoicesPerClient: 5, LinesPerInvoice: 2, RandomSeed: 3));
        var client = (await api.AddClientAsync("Busy Co"))["accountId"]!.GetValue<string>();
        var invoiceId = (await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "APPROVED", ("Work", "1", "100.00")))["invoiceId"]!.GetValue<string>();
        const string listQuery = "query { getInvoiceList(input: {page: 1, pageSize: 100}) { invoices { invoiceId amountPaid } listInfo { totalCount } } }";

        var payments = Enumerable.Range(0, 40).Select(_ =>
            api.AdminAsync(HttpMethod.Post, $"invoices/{invoiceId}/payments", new { amount = "1.00", type = "PAYMENT" }, HttpStatusCode.Created));
        var reads = Enumerable.Range(0, 40).Select(_ => api.DataAsync(listQuery));
        await Task.WhenAll(payments.Concat(reads));

        var invoice = await api.DataAsync(
            "query getInvoice($input: InvoiceIdentifierInput!) { getInvoice(input: $input) { amountPaid balanceDue payments { paymentId } } }",
            new { input = new { invoiceId } });
        var counters = await api.AdminAsync(HttpMethod.Get, "requests");

        Assert.Equal("40.00", invoice["amountPaid"]!.GetValue<string>());
        Assert.Equal("60.00", invoice["balanceDue"]!.GetValue<string>());
        Assert.Equal(40, invoice["payments"]!.AsArray().Select(p => p!["paymentId"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(41, counters["total"]!.GetValue<int>());
        Assert.Equal(40, counters["byOperation"]!["getInvoiceList"]!.GetValue<int>());
    }
}
