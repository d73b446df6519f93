using System.Net;
using System.Net.Http.Json;
using AltPay.Web.Tests.Infrastructure;

namespace AltPay.Web.Tests;

public sealed class InvoiceInputLimitTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task CreateInvoice_LargestDecimals_Is400NotOverflow()
    {
        var partner = await app.CreatePartnerAsync("Overflow IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var customerId = (await api.CreateCustomerAsync("Huge Numbers Ltd"))["id"]!.GetValue<string>();

        using var response = await api.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId,
            invoiceDate = "2026-11-01",
            dueDate = "2099-01-31",
            lines = new object[] { new { description = "Everything", quantity = decimal.MaxValue, unitPrice = decimal.MaxValue } },
        });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Line 0 amounts to more than", problem["errors"]!["lines[0]"]![0]!.GetValue<string>());
    }
}
