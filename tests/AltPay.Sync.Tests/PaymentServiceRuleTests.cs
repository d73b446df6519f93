using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Sync.Tests;

/// <summary>The rules <see cref="PaymentService.RecordAsync"/> enforces: idempotency, amounts, methods and invoice states.</summary>
public sealed class PaymentServiceRuleTests
{
    [Fact]
    public async Task RecordAsync_SameIdempotencyKey_MakesOnePayment()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("500.00");

        var first = await host.PayAsync(invoice.Id, "120.00", idempotencyKey: "order-7731");
        var second = await host.PayAsync(invoice.Id, "120.00", idempotencyKey: "order-7731");

        var stored = await host.InvoiceByIdAsync(invoice.Id);
        await using var db = await host.DbAsync();
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Payment.Id, second.Payment.Id);
        Assert.Equal(1, await db.Payments.CountAsync(payment => payment.InvoiceId == invoice.Id));
        Assert.Equal(38000, stored.OutstandingMinor);
    }

    [Fact]
    public async Task RecordAsync_AmountAboveOutstanding_IsRejected()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("200.00");
        await host.PayAsync(invoice.Id, "150.00");

        var error = await Assert.ThrowsAsync<PaymentRejectedException>(() => host.PayAsync(invoice.Id, "50.01"));

        Assert.Equal("amount", error.Field);
        Assert.Equal(5000, (await host.InvoiceByIdAsync(invoice.Id)).OutstandingMinor);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-0.01")]
    [InlineData("-25.00")]
    public async Task RecordAsync_AmountZeroOrNegative_IsRejected(string amount)
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("200.00");

        var error = await Assert.ThrowsAsync<PaymentRejectedException>(() => host.PayAsync(invoice.Id, amount));

        await using var db = await host.DbAsync();
        Assert.Equal("amount", error.Field);
        Assert.Equal(0, await db.Payments.CountAsync());
    }

    [Fact]
    public async Task RecordAsync_UnknownMethod_IsInvalidInput()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("200.00");

        var error = await Assert.ThrowsAsync<PaymentInputException>(() => host.PayAsync(invoice.Id, "10.00", method: "bitcoin"));

        await using var db = await host.DbAsync();
        Assert.Equal("method", error.Field);
        Assert.Equal(0, await db.Payments.CountAsync());
    }

    [Fact]
    public async Task RecordAsync_VoidInvoice_IsStateError()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("200.00");
        await host.PatchSandboxInvoiceAsync(invoice.ExternalId!, new { statusEnum = "VOID" });
        await host.RefreshAsync();

        await Assert.ThrowsAsync<InvoiceStateException>(() => host.PayAsync(invoice.Id, "10.00"));

        await using var db = await host.DbAsync();
        Assert.Equal(InvoiceStatus.Void, (await host.InvoiceByIdAsync(invoice.Id)).Status);
        Assert.Equal(0, await db.Payments.CountAsync());
    }

    [Fact]
    public async Task RecordAsync_ArchivedInvoice_IsStateError()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("200.00");
        await using (var db = await host.DbAsync())
        {
            var row = await db.Invoices.SingleAsync(candidate => candidate.Id == invoice.Id);
            row.ArchivedAt = TimeProvider.System.GetUtcNow();
            row.ArchiveReason = "Deleted in SuperOps.";
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<InvoiceStateException>(() => host.PayAsync(invoice.Id, "10.00"));

        await using var check = await host.DbAsync();
        Assert.Equal(0, await check.Payments.CountAsync());
    }

    [Fact]
    public async Task RecordAsync_PaidInvoice_IsStateError()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("200.00");
        await host.PayAsync(invoice.Id, "200.00");

        await Assert.ThrowsAsync<InvoiceStateException>(() => host.PayAsync(invoice.Id, "10.00"));

        await using var db = await host.DbAsync();
        Assert.Equal(1, await db.Payments.CountAsync());
    }

    [Fact]
    public async Task RecordAsync_FourPartialPayments_SettleExactly()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("2557.68");
        var outstandingAfterEach = new List<long>();

        foreach (var amount in new[] { "0.10", "0.20", "1000.00", "1557.38" })
        {
            await host.PayAsync(invoice.Id, amount);
            outstandingAfterEach.Add((await host.InvoiceByIdAsync(invoice.Id)).OutstandingMinor);
        }

        var stored = await host.InvoiceByIdAsync(invoice.Id);
        Assert.Equal([255758L, 255738L, 155738L, 0L], outstandingAfterEach);
        Assert.Equal(0, stored.OutstandingMinor);
        Assert.Equal(InvoiceStatus.Paid, stored.Status);
        Assert.Equal(255768, stored.AltPayPaidMinor);
        Assert.Equal(2557.68m, Money.FromMinorUnits(stored.AmountPaidMinor, "USD"));
    }
}
