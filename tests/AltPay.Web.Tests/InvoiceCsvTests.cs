using System.Net.Http.Json;
using AltPay.Domain;
using AltPay.Web.Pages.Invoices;
using AltPay.Web.Tests.Infrastructure;

namespace AltPay.Web.Tests;

public sealed class InvoiceCsvTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public void Write_Invoice_GivesExactAmountsAndQuotedNames()
    {
        var customerId = Guid.NewGuid();
        var invoice = new Invoice
        {
            Number = "INV-7",
            CustomerId = customerId,
            Currency = "USD",
            Source = RecordSource.SuperOps,
            InvoiceDate = new DateOnly(2026, 11, 1),
            DueDate = new DateOnly(2026, 12, 1),
            TotalMinor = 255768,
            SuperOpsPaidMinor = 10,
            AltPayPaidMinor = 20,
        };
        invoice.RecomputeStatus();

        var csv = InvoiceCsv.Write([invoice], new Dictionary<Guid, string> { [customerId] = "Smith, Jones & \"Co\"" }, Today);

        var rows = csv.Split("\r\n");
        Assert.Equal("Number,Customer,Source,Status,Invoice date,Due date,Currency,Total,Amount paid,Balance,Archived", rows[0]);
        Assert.Equal("INV-7,\"Smith, Jones & \"\"Co\"\"\",superops,overdue,2026-11-01,2026-12-01,USD,2557.68,0.30,2557.38,no", rows[1]);
    }

    [Fact]
    public void Write_FormulaLikeName_IsDefused()
    {
        var customerId = Guid.NewGuid();
        var invoice = new Invoice { Number = "AP-1", CustomerId = customerId, Currency = "USD", TotalMinor = 100 };

        var csv = InvoiceCsv.Write([invoice], new Dictionary<Guid, string> { [customerId] = "=HYPERLINK(\"x\")" }, Today);

        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", csv.Split("\r\n")[1]);
    }
}

public sealed class InvoiceCsvExportTests(AltPay.Web.Tests.Infrastructure.AltPayApp app) : IClassFixture<AltPay.Web.Tests.Infrastructure.AltPayApp>
{
    [Fact]
    public async Task ExportCsv_AppliesSourceFilter()
    {
        var partner = await app.CreatePartnerAsync("Export IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await AltPay.Web.Tests.PaymentTestData.CreateAltPayInvoiceAsync(api, "Export Dental", 42.50m);
        using var browser = app.CreateBrowserClient();
        using (await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword))
        {
        }

        using var response = await browser.GetAsync("/Invoices?handler=Csv&source=altpay");
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, rows.Length);
        Assert.EndsWith(",altpay,open,2026-11-01,2099-12-31,USD,42.50,0.00,42.50,no", rows[1]);
    }
}

public sealed class CustomerFilterPageTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task CustomersPage_SourceFilter_ListsOnlyThatSource()
    {
        var partner = await app.CreatePartnerAsync("Customer Filter IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await api.CreateCustomerAsync("Filtered Dental");
        using var browser = app.CreateBrowserClient();
        using (await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword))
        {
        }

        var altPay = await browser.GetStringAsync("/Customers?source=altpay");
        var superOps = await browser.GetStringAsync("/Customers?source=superops");

        Assert.Contains("Filtered Dental", altPay);
        Assert.DoesNotContain("Filtered Dental", superOps);
    }
}

public sealed class IntegrationRunsTableTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task IntegrationsPage_ListsSyncRunsWithCounts()
    {
        await app.CreateSandboxTenantAsync("runs-msp", "runs-token-1357", clients: 2, invoicesPerClient: 2, linesPerInvoice: 1);
        var partner = await app.CreatePartnerAsync("Runs Table IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        using (await api.PutAsJsonAsync("/api/v1/integrations/superops", new { subdomain = "runs-msp", apiToken = "runs-token-1357", region = "us" }))
        {
        }

        using (await api.PostAsync("/api/v1/integrations/superops/sync?wait=true", null))
        {
        }

        using var browser = app.CreateBrowserClient();
        using (await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword))
        {
        }

        var html = await browser.GetStringAsync("/Integrations/SuperOps");

        Assert.Contains("<h2 id=\"runs-heading\">Sync runs</h2>", html);
    }
}
