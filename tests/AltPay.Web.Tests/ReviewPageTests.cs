using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed class ReviewPageTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task HeldBackSweepConfirmedFromReview()
    {
        const string subdomain = "held-back-msp";
        await app.CreateSandboxTenantAsync(subdomain, "held-back-token-1", clients: 12, invoicesPerClient: 1, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Held Back IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await api.ConnectAndSyncAsync(subdomain, "held-back-token-1");
        var invoices = (await api.GetFromJsonAsync<JsonNode>("/api/v1/invoices?pageSize=100"))!["items"]!.AsArray().Take(11).ToList();
        using var sandbox = app.CreateApiClient(null);

        foreach (var invoice in invoices)
        {
            using var deleted = await sandbox.DeleteAsync($"/sandbox/admin/tenants/{subdomain}/invoices/{invoice!["externalId"]!.GetValue<string>()}");
            Assert.True(deleted.IsSuccessStatusCode);
        }

        using var sweep = await api.PostAsync("/api/v1/integrations/superops/sweep?wait=true", null);
        var run = await sweep.ReadJsonAsync();
        using var browser = app.CreateBrowserClient();
        using (await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword))
        {
        }

        var integration = await browser.GetStringAsync("/Integrations/SuperOps");
        var review = await browser.GetStringAsync("/Review");
        var token = await browser.ReadAntiforgeryTokenAsync("/Review");
        using var confirm = await browser.PostAsync("/Review?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["runId"] = run["id"]!.GetValue<string>(),
            ["__RequestVerificationToken"] = token,
        }));
        var reviewAfter = await browser.GetStringAsync("/Review");

        Assert.Equal("awaiting_confirmation", run["status"]!.GetValue<string>());
        Assert.Contains("<a href=\"/Review\">Review it</a>", integration);
        Assert.Contains("<td class=\"num\">0</td>", review);
        Assert.Contains("<td class=\"num\">11</td>", review);
        Assert.Contains(">Confirm</button>", review);
        Assert.Contains(">Dismiss</button>", review);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Contains("Sweep confirmed: 0 customers and 11 invoices archived.", reviewAfter);
        Assert.Contains("No sweep is waiting for confirmation.", reviewAfter);
        var archived = (await api.GetFromJsonAsync<JsonNode>("/api/v1/invoices?archived=true&pageSize=100"))!;
        Assert.Equal(11, archived["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ArchivedPaidInvoiceListedUntilReviewed()
    {
        var partner = await app.CreatePartnerAsync("Review List IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Review Dental", 90.00m);
        using (await api.PayAsync(invoiceId, 30.00m))
        {
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>().ForPartner(partner.Id);
            var invoice = db.Invoices.Single(row => row.Id == Guid.Parse(invoiceId));
            invoice.ArchivedAt = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
            invoice.ArchiveReason = "Deleted in SuperOps.";
            invoice.NeedsReview = true;
            await db.SaveChangesAsync();
        }

        using var browser = app.CreateBrowserClient();
        using (await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword))
        {
        }

        var review = await browser.GetStringAsync("/Review");
        var token = await browser.ReadAntiforgeryTokenAsync("/Review");
        using var reviewed = await browser.PostAsync("/Review?handler=Reviewed", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["invoiceId"] = invoiceId,
            ["__RequestVerificationToken"] = token,
        }));
        var reviewAfter = await browser.GetStringAsync("/Review");

        Assert.Contains($"<a href=\"/Invoices/{invoiceId}\">", review);
        Assert.Contains("30.00 USD", review);
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        Assert.DoesNotContain($"<a href=\"/Invoices/{invoiceId}\">", reviewAfter);
        Assert.Contains("No archived invoice needs review.", reviewAfter);
        Assert.False((await api.GetInvoiceAsync(invoiceId))["needsReview"]!.GetValue<bool>());
    }
}
