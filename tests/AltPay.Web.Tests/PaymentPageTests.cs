using System.Net;
using System.Net.Http.Json;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed class PaymentPageTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task FormRecordsAndRefundsPayment()
    {
        var partner = await app.CreatePartnerAsync("Payment Page IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Form Dental", 1234.50m);
        using var browser = await SignInAsync(partner);

        var form = await browser.GetStringAsync($"/Invoices/{invoiceId}");
        var token = await browser.ReadAntiforgeryTokenAsync($"/Invoices/{invoiceId}");
        using var pay = await browser.PostAsync($"/Invoices/{invoiceId}?handler=Pay", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Amount"] = "234.50",
            ["Method"] = "check",
            ["Reference"] = "CHK-77",
            ["IdempotencyKey"] = "page-key-1",
            ["__RequestVerificationToken"] = token,
        }));
        var paidPage = await browser.GetStringAsync($"/Invoices/{invoiceId}");
        var payments = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/v1/invoices/{invoiceId}/payments");
        var paymentId = Assert.Single(payments!)!["id"]!.GetValue<string>();
        using var refund = await browser.PostAsync($"/Invoices/{invoiceId}?handler=Refund", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["paymentId"] = paymentId,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Contains("name=\"Amount\" value=\"1234.50\"", form);
        Assert.Contains("name=\"Method\"", form);
        Assert.Contains("name=\"Reference\"", form);
        Assert.Contains(">Record payment</button>", form);
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        Assert.Contains("Payment recorded.", paidPage);
        Assert.Contains("name=\"Amount\" value=\"1000.00\"", paidPage);
        Assert.Contains(">Refund</button>", paidPage);
        Assert.Contains("CHK-77", paidPage);
        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        var invoice = await api.GetInvoiceAsync(invoiceId);
        Assert.Equal(1234.50m, invoice["outstandingBalance"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task AmountAboveBalanceShowsBesideField()
    {
        var partner = await app.CreatePartnerAsync("Payment Error IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Error Dental", 50.00m);
        using var browser = await SignInAsync(partner);
        var token = await browser.ReadAntiforgeryTokenAsync($"/Invoices/{invoiceId}");

        using var response = await browser.PostAsync($"/Invoices/{invoiceId}?handler=Pay", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Amount"] = "50.01",
            ["Method"] = "card",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("<span id=\"amount-error\" class=\"field-error\">[^<]*above the outstanding balance", html);
        Assert.Equal(50.00m, (await api.GetInvoiceAsync(invoiceId))["outstandingBalance"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task FailedWriteBackShowsRetry()
    {
        var partner = await app.CreatePartnerAsync("Write-back Page IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Locked Dental", 80.00m);
        await SetInvoiceAsync(partner.Id, Guid.Parse(invoiceId), invoice =>
        {
            invoice.PaidLocked = true;
            invoice.WriteBackStatus = WriteBackStatus.Failed;
            invoice.WriteBackError = "SuperOps reports the invoice as VOID.";
        });
        using var browser = await SignInAsync(partner);

        var html = await browser.GetStringAsync($"/Invoices/{invoiceId}");

        Assert.Contains(">Paid-locked</span>", html);
        Assert.Contains("Write-back: failed", html);
        Assert.Contains("SuperOps reports the invoice as VOID.", html);
        Assert.Contains(">Retry write-back</button>", html);
    }

    [Fact]
    public async Task ArchivedInvoiceShowsNoticeWithoutForm()
    {
        var partner = await app.CreatePartnerAsync("Archived Page IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Archived Dental", 80.00m);
        await SetInvoiceAsync(partner.Id, Guid.Parse(invoiceId), invoice =>
        {
            invoice.ArchivedAt = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
            invoice.ArchiveReason = "Deleted in SuperOps.";
            invoice.NeedsReview = true;
        });
        using var browser = await SignInAsync(partner);

        var html = await browser.GetStringAsync($"/Invoices/{invoiceId}");
        var activeList = await browser.GetStringAsync("/Invoices");
        var archivedList = await browser.GetStringAsync("/Invoices?archived=true");

        Assert.Contains("This invoice was archived on 2026-12-02 08:00 UTC: Deleted in SuperOps.", html);
        Assert.Contains("listed for <a href=\"/Review\">review</a>", html);
        Assert.DoesNotContain("Record payment", html);
        Assert.DoesNotContain($"/Invoices/{invoiceId}\"", activeList);
        Assert.Contains($"/Invoices/{invoiceId}\"", archivedList);
    }

    [Fact]
    public async Task LinesNotYetRead_ShowsNotice()
    {
        var partner = await app.CreatePartnerAsync("Lines Pending IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Pending Dental", 80.00m);
        await SetInvoiceAsync(partner.Id, Guid.Parse(invoiceId), invoice =>
        {
            // As the first pass of a refresh leaves a SuperOps invoice: a header without lines.
            invoice.Source = RecordSource.SuperOps;
            invoice.ExternalId = "9001";
            invoice.SuperOpsLinesHash = null;
            invoice.Lines.Clear();
        });
        using var browser = await SignInAsync(partner);

        var html = await browser.GetStringAsync($"/Invoices/{invoiceId}");

        Assert.Contains("The lines of this invoice have not been read from SuperOps yet. They arrive with the running sync, or with the next one.", html);
    }

    private async Task SetInvoiceAsync(Guid partnerId, Guid invoiceId, Action<Invoice> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>().ForPartner(partnerId);
        var invoice = db.Invoices.Include(row => row.Lines).Single(row => row.Id == invoiceId);
        change(invoice);
        await db.SaveChangesAsync();
    }

    private async Task<HttpClient> SignInAsync(TestPartner partner)
    {
        var browser = app.CreateBrowserClient();
        using var signIn = await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }
}
