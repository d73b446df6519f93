using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AltPay.Web.Tests.Infrastructure;

public static class ApiJson
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var node = await response.Content.ReadFromJsonAsync<JsonNode>();
        return node!;
    }

    /// <summary>Asserts the status and the problem details media type, and returns the problem.</summary>
    public static async Task<JsonNode> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonNode> CreateCustomerAsync(this HttpClient api, string name)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/customers", new { name, email = "billing@example.com" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonNode> CreateInvoiceAsync(this HttpClient api, string customerId)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId,
            invoiceDate = "2026-11-01",
            dueDate = "2026-12-31",
            currency = "USD",
            lines = new[] { new { description = "Managed services", quantity = 2m, unitPrice = 125.25m } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
