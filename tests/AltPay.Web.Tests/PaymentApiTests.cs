using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AltPay.Web.Tests.Infrastructure;

namespace AltPay.Web.Tests;

public sealed class PaymentApiTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task SameIdempotencyKeyMakesOnePayment()
    {
        var partner = await app.CreatePartnerAsync("Idempotent IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Twice Dental", 500.00m);

        using var first = await api.PayAsync(invoiceId, 120.50m, "key-0001");
        using var second = await api.PayAsync(invoiceId, 120.50m, "key-0001");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var firstPayment = await first.ReadJsonAsync();
        var secondPayment = await second.ReadJsonAsync();
        Assert.Equal(firstPayment["id"]!.GetValue<string>(), secondPayment["id"]!.GetValue<string>());
        Assert.Equal(invoiceId, firstPayment["invoiceId"]!.GetValue<string>());
        Assert.Equal(120.50m, firstPayment["amount"]!.GetValue<decimal>());
        Assert.Equal("card", firstPayment["method"]!.GetValue<string>());
        Assert.Equal("INV-REF-1", firstPayment["reference"]!.GetValue<string>());
        Assert.Equal("succeeded", firstPayment["status"]!.GetValue<string>());
        Assert.NotNull(firstPayment["paidAt"]);
        var payments = await api.GetFromJsonAsync<JsonArray>($"/api/v1/invoices/{invoiceId}/payments");
        Assert.Single(payments!);
        var invoice = await api.GetInvoiceAsync(invoiceId);
        Assert.Equal(379.50m, invoice["outstandingBalance"]!.GetValue<decimal>());
        Assert.Equal("partially_paid", invoice["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AmountAboveBalanceIs422()
    {
        var partner = await app.CreatePartnerAsync("Overpaying IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Overpaid Clinic", 100.00m);

        using var above = await api.PayAsync(invoiceId, 100.01m);
        using var zero = await api.PayAsync(invoiceId, 0m);

        var aboveProblem = await above.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(aboveProblem["errors"]!["amount"]);
        var zeroProblem = await zero.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(zeroProblem["errors"]!["amount"]);
        Assert.Equal(100.00m, (await api.GetInvoiceAsync(invoiceId))["outstandingBalance"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task MalformedPaymentIs400()
    {
        var partner = await app.CreatePartnerAsync("Malformed Payment IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Malformed Clinic", 100.00m);

        using var badMethod = await api.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/payments", new { amount = 10m, method = "bitcoin" });
        using var noAmount = await api.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/payments", new { method = "cash" });

        var methodProblem = await badMethod.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(methodProblem["errors"]!["method"]);
        var amountProblem = await noAmount.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(amountProblem["errors"]!["amount"]);
    }

    [Fact]
    public async Task PartialPaymentsSettleExactly()
    {
        var partner = await app.CreatePartnerAsync("Exact Cents IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Exact Dental", 2557.68m);
        var balances = new List<decimal>();

        foreach (var amount in new[] { 0.10m, 0.20m, 1000.00m, 1557.38m })
        {
            using var response = await api.PayAsync(invoiceId, amount);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            balances.Add((await api.GetInvoiceAsync(invoiceId))["outstandingBalance"]!.GetValue<decimal>());
        }

        Assert.Equal([2557.58m, 2557.38m, 1557.38m, 0.00m], balances);
        var invoice = await api.GetInvoiceAsync(invoiceId);
        Assert.Equal("paid", invoice["status"]!.GetValue<string>());
        Assert.Equal(2557.68m, invoice["amountPaid"]!.GetValue<decimal>());
        Assert.Equal(2557.68m, invoice["total"]!.GetValue<decimal>());
        Assert.Equal("none", invoice["writeBack"]!["status"]!.GetValue<string>());
        Assert.False(invoice["paidLocked"]!.GetValue<bool>());
        Assert.False(invoice["needsReview"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PaidInvoiceIs409()
    {
        var partner = await app.CreatePartnerAsync("Paid Twice IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Paid Clinic", 75.00m);
        using (var full = await api.PayAsync(invoiceId, 75.00m))
        {
            Assert.Equal(HttpStatusCode.Created, full.StatusCode);
        }

        using var again = await api.PayAsync(invoiceId, 1.00m);

        await again.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task RefundRestoresBalance()
    {
        var partner = await app.CreatePartnerAsync("Refunding IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Refunded Dental", 300.00m);
        using var paid = await api.PayAsync(invoiceId, 300.00m);
        var paymentId = (await paid.ReadJsonAsync())["id"]!.GetValue<string>();

        using var refund = await api.PostAsync($"/api/v1/payments/{paymentId}/refund", null);
        using var refundAgain = await api.PostAsync($"/api/v1/payments/{paymentId}/refund", null);

        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        var refunded = await refund.ReadJsonAsync();
        Assert.Equal("refunded", refunded["status"]!.GetValue<string>());
        Assert.Equal(300.00m, refunded["amount"]!.GetValue<decimal>());
        await refundAgain.ReadProblemAsync(HttpStatusCode.Conflict);
        var invoice = await api.GetInvoiceAsync(invoiceId);
        Assert.Equal(300.00m, invoice["outstandingBalance"]!.GetValue<decimal>());
        Assert.Equal("open", invoice["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RetryWithoutFailedWriteBackIs409()
    {
        var partner = await app.CreatePartnerAsync("Nothing To Retry IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Retry Clinic", 10.00m);

        using var response = await api.PostAsync($"/api/v1/invoices/{invoiceId}/write-back/retry", null);

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task OtherPartnerGets404()
    {
        var owner = await app.CreatePartnerAsync("Payment Owner IT");
        var other = await app.CreatePartnerAsync("Payment Other IT");
        using var ownerApi = app.CreateApiClient(owner.ApiKey);
        using var otherApi = app.CreateApiClient(other.ApiKey);
        var invoiceId = await ownerApi.CreateAltPayInvoiceAsync("Owned Dental", 200.00m);
        using var paid = await ownerApi.PayAsync(invoiceId, 50.00m, "owner-key-1");
        var paymentId = (await paid.ReadJsonAsync())["id"]!.GetValue<string>();

        using var refund = await otherApi.PostAsync($"/api/v1/payments/{paymentId}/refund", null);
        using var list = await otherApi.GetAsync($"/api/v1/invoices/{invoiceId}/payments");
        using var pay = await otherApi.PayAsync(invoiceId, 10.00m);
        using var replay = await otherApi.PayAsync(invoiceId, 50.00m, "owner-key-1");
        using var retry = await otherApi.PostAsync($"/api/v1/invoices/{invoiceId}/write-back/retry", null);

        await refund.ReadProblemAsync(HttpStatusCode.NotFound);
        await list.ReadProblemAsync(HttpStatusCode.NotFound);
        await pay.ReadProblemAsync(HttpStatusCode.NotFound);
        await replay.ReadProblemAsync(HttpStatusCode.NotFound);
        await retry.ReadProblemAsync(HttpStatusCode.NotFound);
        var invoice = await ownerApi.GetInvoiceAsync(invoiceId);
        Assert.Equal(150.00m, invoice["outstandingBalance"]!.GetValue<decimal>());
        var payments = await ownerApi.GetFromJsonAsync<JsonArray>($"/api/v1/invoices/{invoiceId}/payments");
        Assert.Equal("succeeded", Assert.Single(payments!)!["status"]!.GetValue<string>());
    }
}
