using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AltPay.Web.Tests.Infrastructure;

namespace AltPay.Web.Tests;

/// <summary>Connects through the API, syncs, and compares AltPay's books with the sandbox admin listing.</summary>
public sealed class EndToEndSyncTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task ImportMatchesSandboxListing()
    {
        const string subdomain = "books-msp";
        const string token = "books-token-5150";
        await app.CreateSandboxTenantAsync(subdomain, token, clients: 12, invoicesPerClient: 4, linesPerInvoice: 3);
        var partner = await app.CreatePartnerAsync("Books IT");
        using var api = app.CreateApiClient(partner.ApiKey);

        var run = await api.ConnectAndSyncAsync(subdomain, token);

        Assert.Equal("succeeded", run["status"]!.GetValue<string>());

        var sandboxClients = await app.GetSandboxListingAsync(subdomain, "clients");
        var sandboxInvoices = (await app.GetSandboxListingAsync(subdomain, "invoices"))
            .Select(node => node!)
            .Where(node => node["statusEnum"]!.GetValue<string>() != "DRAFT")
            .ToDictionary(node => node["invoiceId"]!.ToString());
        var customers = await ListAllAsync(api, "/api/v1/customers");
        var invoices = (await ListAllAsync(api, "/api/v1/invoices")).ToDictionary(node => node["externalId"]!.GetValue<string>());

        Assert.Equal(sandboxClients.Count, customers.Count);
        Assert.Equal(
            sandboxClients.Select(node => node!["accountId"]!.ToString()).Order(StringComparer.Ordinal),
            customers.Select(node => node["externalId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(sandboxInvoices.Count, invoices.Count);
        Assert.Equal(sandboxInvoices.Keys.Order(StringComparer.Ordinal), invoices.Keys.Order(StringComparer.Ordinal));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(
            sandboxInvoices.Values.Sum(node => Amount(node["totalAmount"])),
            invoices.Values.Sum(node => node["total"]!.GetValue<decimal>()));

        foreach (var (externalId, expected) in sandboxInvoices)
        {
            var actual = invoices[externalId];
            var sandboxStatus = expected["statusEnum"]!.GetValue<string>();

            Assert.Equal(expected["displayId"]!.GetValue<string>(), actual["number"]!.GetValue<string>());
            Assert.Equal(Amount(expected["totalAmount"]), actual["total"]!.GetValue<decimal>());
            Assert.Equal(ExpectedStatus(expected, today), actual["status"]!.GetValue<string>());

            if (sandboxStatus != "VOID")
            {
                Assert.Equal(Amount(expected["balanceDue"]), actual["outstandingBalance"]!.GetValue<decimal>());
                Assert.Equal(Amount(expected["totalAmount"]) - Amount(expected["balanceDue"]), actual["amountPaid"]!.GetValue<decimal>());
            }

            Assert.Equal(expected["items"]!.AsArray().Count, actual["lines"]!.AsArray().Count);
        }
    }

    // SuperOps reports OVERDUE for approved invoices past due; AltPay splits the rest by payments.
    private static string ExpectedStatus(JsonNode invoice, DateOnly today)
    {
        var status = invoice["statusEnum"]!.GetValue<string>();

        if (status == "PAID")
        {
            return "paid";
        }

        if (status == "VOID")
        {
            return "void";
        }

        if (Amount(invoice["balanceDue"]) == 0m)
        {
            return "paid";
        }

        var dueDate = invoice["dueDate"]?.GetValue<string>();

        if (dueDate is not null && DateOnly.ParseExact(dueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture) < today)
        {
            return "overdue";
        }

        return Amount(invoice["amountPaid"]) > 0m ? "partially_paid" : "open";
    }

    private static decimal Amount(JsonNode? node) => decimal.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static async Task<List<JsonNode>> ListAllAsync(HttpClient api, string path)
    {
        var items = new List<JsonNode>();

        for (var page = 1; ; page++)
        {
            var result = await api.GetFromJsonAsync<JsonNode>($"{path}?page={page}&pageSize=100");
            var pageItems = result!["items"]!.AsArray();
            items.AddRange(pageItems.Select(node => node!));

            if (items.Count >= result["totalCount"]!.GetValue<int>() || pageItems.Count == 0)
            {
                return items;
            }
        }
    }
}
