using System.Net;
using System.Net.Http.Json;
using AltPay.Web.Tests.Infrastructure;

namespace AltPay.Web.Tests;

public sealed class PaymentWriteBackTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task AltPayInvoiceMakesNoSuperOpsRequests()
    {
        const string subdomain = "quiet-msp";
        await app.CreateSandboxTenantAsync(subdomain, "quiet-token-1234", clients: 2, invoicesPerClient: 2, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Quiet IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await api.ConnectAndSyncAsync(subdomain, "quiet-token-1234");
        var requestsBefore = await app.SandboxRequestTotalAsync(subdomain);

        var invoiceId = await api.CreateAltPayInvoiceAsync("Quiet Dental", 640.00m);
        using var edit = await api.PatchAsJsonAsync($"/api/v1/invoices/{invoiceId}", new { dueDate = "2099-06-30" });
        using var partial = await api.PayAsync(invoiceId, 40.00m);
        using var rest = await api.PayAsync(invoiceId, 600.00m);
        var requestsAfter = await app.SandboxRequestTotalAsync(subdomain);

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Created, partial.StatusCode);
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        Assert.Equal(requestsBefore, requestsAfter);
        var invoice = await api.GetInvoiceAsync(invoiceId);
        Assert.Equal("paid", invoice["status"]!.GetValue<string>());
        Assert.Equal("none", invoice["writeBack"]!["status"]!.GetValue<string>());

        // A SuperOps invoice paid next is written back once, so the dispatcher has run past the AltPay one.
        var superOpsInvoice = await api.FindPayableSuperOpsInvoiceAsync();
        var superOpsId = superOpsInvoice["id"]!.GetValue<string>();
        using var full = await api.PayAsync(superOpsId, superOpsInvoice["outstandingBalance"]!.GetValue<decimal>());
        var delivered = await api.WaitForWriteBackAsync(superOpsId);

        Assert.Equal(HttpStatusCode.Created, full.StatusCode);
        Assert.Equal("delivered", delivered["writeBack"]!["status"]!.GetValue<string>());
        Assert.True(delivered["paidLocked"]!.GetValue<bool>());
        Assert.Equal(1, await app.SandboxOperationCountAsync(subdomain, "updateInvoice"));
        var sandboxInvoices = await app.GetSandboxListingAsync(subdomain, "invoices");
        var written = sandboxInvoices.Single(node => node!["invoiceId"]!.GetValue<string>() == superOpsInvoice["externalId"]!.GetValue<string>())!;
        Assert.Equal("PAID", written["statusEnum"]!.GetValue<string>());
    }
}
