using System.Globalization;
using System.Text.Json.Nodes;
using AltPay.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Sync.Tests;

/// <summary>
/// Steps shared by the payment and write-back tests: importing an invoice of an exact amount, calling
/// <see cref="PaymentService"/>, reading the sandbox admin API and waiting for the dispatcher.
/// </summary>
internal static class PaymentSteps
{
    /// <summary>Upper bound for a wait on the dispatcher; a passing test returns as soon as the state is reached.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Creates an approved SuperOps invoice of one line, imports it with a refresh and returns the AltPay invoice.</summary>
    public static async Task<Invoice> ImportInvoiceAsync(this SyncTestHost host, string amount, int dueInDays = 30)
    {
        var externalId = await RefreshRuleTests.CreateInvoiceAsync(host, amount, Today.AddDays(dueInDays));
        await host.RefreshAsync();
        return await host.InvoiceAsync(externalId);
    }

    public static async Task<PaymentOutcome> PayAsync(this SyncTestHost host, Guid invoiceId, string amount, string method = "card", string? idempotencyKey = null)
    {
        using var scope = host.Host.Services.CreateScope();
        var request = new RecordPaymentRequest(decimal.Parse(amount, CultureInfo.InvariantCulture), method, Reference: null, PaidAt: null);
        return await scope.ServiceProvider.GetRequiredService<PaymentService>()
            .RecordAsync(host.PartnerId, invoiceId, request, idempotencyKey, CancellationToken.None);
    }

    public static async Task<Payment> RefundAsync(this SyncTestHost host, Guid paymentId)
    {
        using var scope = host.Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentService>().RefundAsync(host.PartnerId, paymentId, CancellationToken.None);
    }

    public static async Task RetryWriteBackAsync(this SyncTestHost host, Guid invoiceId)
    {
        using var scope = host.Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PaymentService>().RetryWriteBackAsync(host.PartnerId, invoiceId, CancellationToken.None);
    }

    public static async Task<Invoice> InvoiceByIdAsync(this SyncTestHost host, Guid invoiceId)
    {
        await using var db = await host.DbAsync();
        return await db.Invoices.AsNoTracking().Include(invoice => invoice.Lines).SingleAsync(invoice => invoice.Id == invoiceId);
    }

    public static async Task<List<OutboxMessage>> OutboxAsync(this SyncTestHost host, Guid invoiceId)
    {
        await using var db = await host.DbAsync();
        return await db.Outbox.AsNoTracking()
            .Where(message => message.InvoiceId == invoiceId)
            .OrderBy(message => message.CreatedAt)
            .ToListAsync();
    }

    /// <summary>Waits until the invoice's write-back is no longer pending and returns the invoice.</summary>
    public static Task<Invoice> WaitForWriteBackAsync(this SyncTestHost host, Guid invoiceId, TimeSpan? timeout = null) =>
        WaitForAsync(() => host.InvoiceByIdAsync(invoiceId), invoice => invoice.WriteBackStatus != WriteBackStatus.Pending,
            invoice => $"write-back of invoice {invoice.Number} still {invoice.WriteBackStatus} ({invoice.WriteBackError ?? "no error"})",
            timeout);

    /// <summary>Returns the invoice from the sandbox admin listing, in SuperOps' JSON shape.</summary>
    public static async Task<JsonObject> SandboxInvoiceAsync(this SyncTestHost host, string externalId)
    {
        var invoices = await host.AdminListAsync("invoices");
        return invoices.Select(node => node!.AsObject()).Single(invoice => (string?)invoice["invoiceId"] == externalId);
    }

    public static async Task<int> RequestCountAsync(this SyncTestHost host, string operation)
    {
        var requests = await host.RequestsAsync();
        return (int?)requests["byOperation"]?[operation] ?? 0;
    }

    public static Task ResetRequestsAsync(this SyncTestHost host) => host.AdminSendAsync(HttpMethod.Delete, "requests");

    /// <summary>Replaces the sandbox fault rules; an empty list clears them.</summary>
    public static Task SetFaultsAsync(this SyncTestHost host, params object[] faults) =>
        host.AdminSendAsync(HttpMethod.Put, "settings", new { faults });

    public static Task PatchSandboxInvoiceAsync(this SyncTestHost host, string externalId, object body) =>
        host.AdminSendAsync(HttpMethod.Patch, $"invoices/{externalId}", body);

    /// <summary>Reads until <paramref name="done"/> holds, every 20 ms, and fails after the timeout (default <see cref="WaitTimeout"/>) naming the last state.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, Func<T, string> describe, TimeSpan? timeout = null)
    {
        var limit = timeout ?? WaitTimeout;
        var deadline = TimeProvider.System.GetUtcNow() + limit;

        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0} s: {describe(value)}.");
            }

            await Task.Delay(PollInterval);
        }
    }
}
