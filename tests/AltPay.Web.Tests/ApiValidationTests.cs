using System.Net;
using System.Net.Http.Json;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed class ApiValidationTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Theory]
    [InlineData("/api/v1/customers?pageSize=0", "pageSize", "The pageSize '0' is invalid; use a whole number from 1 to 100.")]
    [InlineData("/api/v1/invoices?pageSize=101", "pageSize", "The pageSize '101' is invalid; use a whole number from 1 to 100.")]
    [InlineData("/api/v1/invoices?page=0", "page", "The page '0' is invalid; use a whole number from 1.")]
    [InlineData("/api/v1/invoices?status=bogus", "status", "The status 'bogus' is unknown; use one of: draft, open, partially_paid, overdue, paid, void.")]
    [InlineData("/api/v1/invoices?source=quickbooks", "source", "The source 'quickbooks' is unknown; use one of: superops, altpay.")]
    [InlineData("/api/v1/invoices?customerId=abc", "customerId", "The customerId 'abc' is not a valid id; use an id exactly as the API returned it, such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.")]
    [InlineData("/api/v1/invoices/not-a-guid", "id", "The id 'not-a-guid' is not a valid id; use an id exactly as the API returned it, such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.")]
    [InlineData("/api/v1/customers?archived=maybe", "archived", "The archived 'maybe' is invalid; use true or false.")]
    [InlineData("/api/v1/sync-runs?limit=500", "limit", "The limit '500' is invalid; use a whole number from 1 to 100.")]
    public async Task BadQueryIs400NamingValue(string url, string field, string message)
    {
        var partner = await app.CreatePartnerAsync("Validation IT");
        using var api = app.CreateApiClient(partner.ApiKey);

        using var response = await api.GetAsync(url);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(message, problem["detail"]!.GetValue<string>());
        Assert.Equal(message, problem["errors"]![field]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateInvoiceComputesExactAmounts()
    {
        var partner = await app.CreatePartnerAsync("Amounts IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var customerId = (await api.CreateCustomerAsync("Exact Dental"))["id"]!.GetValue<string>();

        using var response = await api.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId,
            invoiceDate = "2026-11-01",
            dueDate = "2099-01-31",
            lines = new object[]
            {
                new { description = "Backup", quantity = 2m, unitPrice = 10.25m },
                new { description = "Labour", quantity = 1.5m, unitPrice = 3.33m },
            },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var invoice = await response.ReadJsonAsync();
        Assert.Equal("altpay", invoice["source"]!.GetValue<string>());
        Assert.Equal("open", invoice["status"]!.GetValue<string>());
        Assert.Equal("USD", invoice["currency"]!.GetValue<string>());
        Assert.Equal(25.50m, invoice["total"]!.GetValue<decimal>());
        Assert.Equal(0m, invoice["amountPaid"]!.GetValue<decimal>());
        Assert.Equal(25.50m, invoice["outstandingBalance"]!.GetValue<decimal>());
        Assert.Equal(5.00m, invoice["lines"]![1]!["amount"]!.GetValue<decimal>());
        Assert.Equal("2099-01-31", invoice["dueDate"]!.GetValue<string>());
        Assert.Equal("AP-00001", invoice["number"]!.GetValue<string>());
        Assert.Equal("none", invoice["writeBack"]!["status"]!.GetValue<string>());
        Assert.EndsWith("Z", invoice["updatedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateInvoiceRejectsBadInput()
    {
        var partner = await app.CreatePartnerAsync("Bad Input IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var customerId = (await api.CreateCustomerAsync("Careful Dental"))["id"]!.GetValue<string>();

        using var response = await api.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId,
            invoiceDate = "2026-11-10",
            dueDate = "2026-11-01",
            currency = "dollars",
            lines = new object[] { new { description = "Labour", quantity = 0m, unitPrice = 10m } },
        });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!;
        Assert.Equal("The dueDate 2026-11-01 is before the invoiceDate 2026-11-10; send a due date on or after it.", errors["dueDate"]![0]!.GetValue<string>());
        Assert.Equal("The currency 'dollars' is not an ISO 4217 code; send three capital letters such as USD or EUR.", errors["currency"]![0]!.GetValue<string>());
        Assert.Equal("The quantity of line 0 is '0'; send a number above 0, such as 1 or 2.5.", errors["lines[0].quantity"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateInvoiceWithoutLinesIs400()
    {
        var partner = await app.CreatePartnerAsync("No Lines IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var customerId = (await api.CreateCustomerAsync("Empty Dental"))["id"]!.GetValue<string>();

        using var response = await api.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId, invoiceDate = "2026-11-01", dueDate = "2026-11-30", lines = Array.Empty<object>(),
        });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The invoice has no lines; send at least one line with description, quantity and unitPrice.", problem["errors"]!["lines"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateInvoiceForUnknownCustomerIs422()
    {
        var partner = await app.CreatePartnerAsync("Unknown Customer IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var customerId = Guid.NewGuid();

        using var response = await api.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId, invoiceDate = "2026-11-01", dueDate = "2026-11-30",
            lines = new[] { new { description = "Labour", quantity = 1m, unitPrice = 10m } },
        });

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(
            $"The customer '{customerId}' does not exist in your account; create the invoice for an active customer from the customers list.",
            problem["errors"]!["customerId"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task UnreadableBodyIs400()
    {
        var partner = await app.CreatePartnerAsync("Unreadable IT");
        using var api = app.CreateApiClient(partner.ApiKey);

        using var response = await api.PostAsync("/api/v1/customers", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("The value at 'name' has the wrong type or the JSON there is malformed.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task WrongTypeBodyNamesFieldNotDotNetType()
    {
        var partner = await app.CreatePartnerAsync("Wrong Type IT");
        using var api = app.CreateApiClient(partner.ApiKey);

        using var response = await api.PostAsync("/api/v1/customers", new StringContent("{\"name\": 42}", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.StartsWith("The value at 'name' has the wrong type", detail);
        Assert.DoesNotContain("AltPay.Web", detail);
    }

    [Fact]
    public async Task PatchDueDateAddsTimelineEvent()
    {
        var partner = await app.CreatePartnerAsync("Patch IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var customerId = (await api.CreateCustomerAsync("Patched Dental"))["id"]!.GetValue<string>();
        var invoiceId = (await api.CreateInvoiceAsync(customerId))["id"]!.GetValue<string>();

        using var response = await api.PatchAsJsonAsync($"/api/v1/invoices/{invoiceId}", new
        {
            dueDate = "2027-02-28",
            lines = new[] { new { description = "Support", quantity = 3m, unitPrice = 99.99m } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invoice = await response.ReadJsonAsync();
        Assert.Equal("2027-02-28", invoice["dueDate"]!.GetValue<string>());
        Assert.Equal(299.97m, invoice["total"]!.GetValue<decimal>());
        Assert.Single(invoice["lines"]!.AsArray());

        var timeline = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/v1/invoices/{invoiceId}/timeline");
        Assert.Equal(2, timeline!.Count);
        Assert.Equal("created", timeline[0]!["kind"]!.GetValue<string>());
        Assert.Equal("edited", timeline[1]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchVoidInvoiceIs409()
    {
        var partner = await app.CreatePartnerAsync("Void IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var customerId = (await api.CreateCustomerAsync("Void Dental"))["id"]!.GetValue<string>();
        var invoice = await api.CreateInvoiceAsync(customerId);
        var invoiceId = Guid.Parse(invoice["id"]!.GetValue<string>());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>().ForPartner(partner.Id);
            await db.Invoices.Where(row => row.Id == invoiceId)
                .ExecuteUpdateAsync(setters => setters.SetProperty(row => row.Status, InvoiceStatus.Void));
        }

        using var response = await api.PatchAsJsonAsync($"/api/v1/invoices/{invoiceId}", new { dueDate = "2027-01-31" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"The invoice {invoice["number"]!.GetValue<string>()} cannot be changed. The invoice is void.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task CustomerSearchFiltersByName()
    {
        var partner = await app.CreatePartnerAsync("Search IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        await api.CreateCustomerAsync("Harbor Dental");
        await api.CreateCustomerAsync("Summit Law");

        var page = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/v1/customers?q=dental&pageSize=10");

        Assert.Equal(1, page!["totalCount"]!.GetValue<int>());
        Assert.Equal("Harbor Dental", page["items"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("altpay", page["items"]![0]!["source"]!.GetValue<string>());
        Assert.Equal(10, page["pageSize"]!.GetValue<int>());
    }
}
