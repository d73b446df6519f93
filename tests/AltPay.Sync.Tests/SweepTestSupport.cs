using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Sync.Tests;

/// <summary>Reads and changes of the test host that the deletion sweep tests share.</summary>
internal static class SweepTestSupport
{
    private const string SoftDeleteClients =
        "mutation softDeleteClients($input: [ClientIdentifierInput!]!) { softDeleteClients(input: $input) }";

    private const string RestoreClients =
        "mutation restoreClients($input: [ClientIdentifierInput!]!) { restoreClients(input: $input) }";

    /// <summary>Returns the SuperOps ids of the invoices AltPay imported, in SuperOps' numeric id order.</summary>
    public static async Task<List<string>> ImportedInvoiceIdsAsync(this SyncTestHost host)
    {
        await using var db = await host.DbAsync();
        var ids = await db.Invoices
            .Where(invoice => invoice.Source == RecordSource.SuperOps)
            .Select(invoice => invoice.ExternalId!)
            .ToListAsync();
        return [.. ids.OrderBy(id => long.Parse(id, CultureInfo.InvariantCulture))];
    }

    /// <summary>Returns the SuperOps ids of the customers AltPay imported, in SuperOps' numeric id order.</summary>
    public static async Task<List<string>> ImportedCustomerIdsAsync(this SyncTestHost host)
    {
        await using var db = await host.DbAsync();
        var ids = await db.Customers
            .Where(customer => customer.Source == RecordSource.SuperOps)
            .Select(customer => customer.ExternalId!)
            .ToListAsync();
        return [.. ids.OrderBy(id => long.Parse(id, CultureInfo.InvariantCulture))];
    }

    public static async Task<Customer> CustomerAsync(this SyncTestHost host, string externalId)
    {
        await using var db = await host.DbAsync();
        return await db.Customers.AsNoTracking().SingleAsync(customer => customer.ExternalId == externalId);
    }

    public static async Task<int> ArchivedInvoiceCountAsync(this SyncTestHost host)
    {
        await using var db = await host.DbAsync();
        return await db.Invoices.CountAsync(invoice => invoice.ArchivedAt != null);
    }

    public static async Task<int> ArchivedCustomerCountAsync(this SyncTestHost host)
    {
        await using var db = await host.DbAsync();
        return await db.Customers.CountAsync(customer => customer.ArchivedAt != null);
    }

    /// <summary>Sets the request counters of the sandbox tenant back to zero.</summary>
    public static Task ResetSandboxRequestsAsync(this SyncTestHost host) => host.AdminSendAsync(HttpMethod.Delete, "requests");

    /// <summary>
    /// Replaces the fault rules of the sandbox tenant, for example
    /// <c>new { kind = "internal_error", operation = "getInvoiceList", page = 3 }</c>. No rules clears them.
    /// </summary>
    public static Task SetSandboxFaultsAsync(this SyncTestHost host, params object[] faults) =>
        host.AdminSendAsync(HttpMethod.Put, "settings", new { faults });

    public static Task DeleteInvoiceInSuperOpsAsync(this SyncTestHost host, string invoiceId) =>
        host.AdminSendAsync(HttpMethod.Delete, $"invoices/{invoiceId}");

    /// <summary>Deletes a client as the SuperOps UI does, which moves it to the trash.</summary>
    public static Task DeleteClientInSuperOpsAsync(this SyncTestHost host, string accountId) =>
        host.AdminSendAsync(HttpMethod.Delete, $"clients/{accountId}");

    /// <summary>Moves a client to the SuperOps trash with the softDeleteClients mutation.</summary>
    public static Task SoftDeleteClientAsync(this SyncTestHost host, string accountId) =>
        host.SendGraphQLAsync(SoftDeleteClients, new { input = new[] { new { accountId } } });

    /// <summary>Takes a client out of the SuperOps trash with the restoreClients mutation.</summary>
    public static Task RestoreClientAsync(this SyncTestHost host, string accountId) =>
        host.SendGraphQLAsync(RestoreClients, new { input = new[] { new { accountId } } });

    /// <summary>
    /// Sends a GraphQL document to the tenant's US endpoint with its token and subdomain, as any user of
    /// the SuperOps API would, and returns <c>data</c>. Throws when the response has errors.
    /// </summary>
    private static async Task<JsonObject> SendGraphQLAsync(this SyncTestHost host, string query, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Sandbox.UsEndpoint)
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SyncTestHost.Token);
        request.Headers.Add("CustomerSubDomain", SyncTestHost.Subdomain);

        using var response = await host.Admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = response.IsSuccessStatusCode ? JsonNode.Parse(text) as JsonObject : null;
        if (body is null || body["errors"] is JsonArray { Count: > 0 } || body["data"] is not JsonObject data)
        {
            throw new InvalidOperationException($"Sandbox GraphQL request failed with {(int)response.StatusCode}: {text}");
        }

        return data;
    }
}
