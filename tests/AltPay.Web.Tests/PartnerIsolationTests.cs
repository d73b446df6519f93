using System.Net;
using System.Net.Http.Json;
using AltPay.Web.Tests.Infrastructure;

namespace AltPay.Web.Tests;

public sealed class PartnerIsolationTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task OtherPartnerGets404ForCustomerAndInvoice()
    {
        var partnerA = await app.CreatePartnerAsync("Partner A");
        var partnerB = await app.CreatePartnerAsync("Partner B");
        using var apiA = app.CreateApiClient(partnerA.ApiKey);
        using var apiB = app.CreateApiClient(partnerB.ApiKey);
        var customer = await apiA.CreateCustomerAsync("Dental Group of A");
        var customerId = customer["id"]!.GetValue<string>();
        var invoice = await apiA.CreateInvoiceAsync(customerId);
        var invoiceId = invoice["id"]!.GetValue<string>();

        using var customerForB = await apiB.GetAsync($"/api/v1/customers/{customerId}");
        using var invoiceForB = await apiB.GetAsync($"/api/v1/invoices/{invoiceId}");
        using var timelineForB = await apiB.GetAsync($"/api/v1/invoices/{invoiceId}/timeline");
        using var patchForB = await apiB.PatchAsJsonAsync($"/api/v1/invoices/{invoiceId}", new { dueDate = "2027-01-31" });

        var customerProblem = await customerForB.ReadProblemAsync(HttpStatusCode.NotFound);
        var invoiceProblem = await invoiceForB.ReadProblemAsync(HttpStatusCode.NotFound);
        await timelineForB.ReadProblemAsync(HttpStatusCode.NotFound);
        await patchForB.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"No customer with id '{customerId}' exists in your account; list them to find the right id.", customerProblem["detail"]!.GetValue<string>());
        Assert.Equal($"No invoice with id '{invoiceId}' exists in your account; list them to find the right id.", invoiceProblem["detail"]!.GetValue<string>());

        using var customerForA = await apiA.GetAsync($"/api/v1/customers/{customerId}");
        using var invoiceForA = await apiA.GetAsync($"/api/v1/invoices/{invoiceId}");
        Assert.Equal(HttpStatusCode.OK, customerForA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, invoiceForA.StatusCode);
    }

    [Fact]
    public async Task OtherPartnersRecordMatchesMissingRecord()
    {
        var partnerA = await app.CreatePartnerAsync("Partner C");
        var partnerB = await app.CreatePartnerAsync("Partner D");
        using var apiA = app.CreateApiClient(partnerA.ApiKey);
        using var apiB = app.CreateApiClient(partnerB.ApiKey);
        var customerId = (await apiA.CreateCustomerAsync("Clinic of C"))["id"]!.GetValue<string>();
        var missingId = Guid.NewGuid().ToString();

        using var foreign = await apiB.GetAsync($"/api/v1/customers/{customerId}");
        using var missing = await apiB.GetAsync($"/api/v1/customers/{missingId}");

        var foreignProblem = await foreign.ReadProblemAsync(HttpStatusCode.NotFound);
        var missingProblem = await missing.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(
            missingProblem["detail"]!.GetValue<string>().Replace(missingId, "ID", StringComparison.Ordinal),
            foreignProblem["detail"]!.GetValue<string>().Replace(customerId, "ID", StringComparison.Ordinal));
        Assert.Equal(missingProblem["title"]!.GetValue<string>(), foreignProblem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListsShowOnlyOwnRecords()
    {
        var partnerA = await app.CreatePartnerAsync("Partner E");
        var partnerB = await app.CreatePartnerAsync("Partner F");
        using var apiA = app.CreateApiClient(partnerA.ApiKey);
        using var apiB = app.CreateApiClient(partnerB.ApiKey);
        var customerId = (await apiA.CreateCustomerAsync("Law Office of E"))["id"]!.GetValue<string>();
        await apiA.CreateInvoiceAsync(customerId);

        var customersOfB = await apiB.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/v1/customers?source=altpay");
        var invoicesOfB = await apiB.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/v1/invoices");
        var invoicesOfA = await apiA.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/v1/invoices");

        Assert.Equal(0, customersOfB!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, invoicesOfB!["totalCount"]!.GetValue<int>());
        Assert.Equal(1, invoicesOfA!["totalCount"]!.GetValue<int>());
    }
}
