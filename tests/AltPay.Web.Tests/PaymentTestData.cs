using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AltPay.Web.Tests.Infrastructure;

namespace AltPay.Web.Tests;

/// <summary>Invoices and sandbox look-ups the payment, sweep and role tests share.</summary>
internal static class PaymentTestData
{
    public static async Task<string> CreateAltPayInvoiceAsync(this HttpClient api, string customerName, decimal unitPrice)
    {
        var customerId = (await api.CreateCustomerAsync(customerName))["id"]!.GetValue<string>();
        using var response = await api.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId,
            invoiceDate = "2026-11-01",
            dueDate = "2099-12-31",
            currency = "USD",
            lines = new[] { new { description = "Managed services", quantity = 1m, unitPrice } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync())["id"]!.GetValue<string>();
    }

    public static async Task<HttpResponseMessage> PayAsync(this HttpClient api, string invoiceId, decimal amount, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{invoiceId}/payments")
        {
            Content = JsonContent.Create(new { amount, method = "card", reference = "INV-REF-1" }),
        };

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await api.SendAsync(request);
    }

    public static async Task<JsonNode> GetInvoiceAsync(this HttpClient api, string invoiceId) =>
        (await api.GetFromJsonAsync<JsonNode>($"/api/v1/invoices/{invoiceId}"))!;

    /// <summary>Returns an imported SuperOps invoice that can take a payment: open, partly paid or overdue, with a balance.</summary>
    public static async Task<JsonNode> FindPayableSuperOpsInvoiceAsync(this HttpClient api, int skip = 0)
    {
        var list = (await api.GetFromJsonAsync<JsonNode>("/api/v1/invoices?source=superops&pageSize=100"))!;
        var payable = list["items"]!.AsArray()
            .Where(invoice => invoice!["status"]!.GetValue<string>() is "open" or "overdue" or "partially_paid"
                && invoice["outstandingBalance"]!.GetValue<decimal>() > 0)
            .Skip(skip)
            .FirstOrDefault();
        Assert.NotNull(payable);
        return payable;
    }

    public static async Task<int> SandboxRequestTotalAsync(this AltPayApp app, string subdomain)
    {
        using var client = app.CreateApiClient(null);
        var counters = (await client.GetFromJsonAsync<JsonNode>($"/sandbox/admin/tenants/{subdomain}/requests"))!;
        return counters["total"]!.GetValue<int>();
    }

    public static async Task<int> SandboxOperationCountAsync(this AltPayApp app, string subdomain, string operation)
    {
        using var client = app.CreateApiClient(null);
        var counters = (await client.GetFromJsonAsync<JsonNode>($"/sandbox/admin/tenants/{subdomain}/requests"))!;
        return counters["byOperation"]?[operation]?.GetValue<int>() ?? 0;
    }

    /// <summary>Polls the invoice until its write-back leaves pending, for at most 30 seconds.</summary>
    public static async Task<JsonNode> WaitForWriteBackAsync(this HttpClient api, string invoiceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        while (true)
        {
            var invoice = (await api.GetFromJsonAsync<JsonNode>($"/api/v1/invoices/{invoiceId}", timeout.Token))!;

            if (invoice["writeBack"]!["status"]!.GetValue<string>() != "pending")
            {
                return invoice;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }
}
