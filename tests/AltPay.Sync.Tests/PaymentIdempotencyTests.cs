namespace AltPay.Sync.Tests;

public sealed class PaymentIdempotencyTests
{
    [Fact]
    public async Task ReusedKey_DifferentAmount_IsRejected()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("300.00");
        await host.PayAsync(invoice.Id, "100.00", idempotencyKey: "order-17");

        var error = await Assert.ThrowsAsync<PaymentRejectedException>(() => host.PayAsync(invoice.Id, "150.00", idempotencyKey: "order-17"));

        Assert.Equal("Idempotency-Key", error.Field);
    }

    [Fact]
    public async Task ReusedKey_SameRequest_ReturnsFirstPayment()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("300.00");
        var first = await host.PayAsync(invoice.Id, "100.00", idempotencyKey: "order-18");

        var replay = await host.PayAsync(invoice.Id, "100.00", idempotencyKey: "order-18");

        Assert.Equal(first.Payment.Id, replay.Payment.Id);
    }
}
