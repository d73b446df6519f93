using AltPay.Domain;

namespace AltPay.Domain.Tests;

public sealed class InvoiceRefundStatusTests
{
    private static readonly DateTimeOffset ImportedAt = new(2026, 1, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PaidAt = new(2026, 1, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RefundedAt = new(2026, 1, 4, 8, 0, 0, TimeSpan.Zero);

    private static readonly InboundInvoice Approved = new(
        "5001", "INV-1001", "9001", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), SuperOpsStatus.Approved, 10000, null);

    [Fact]
    public void ApplyRefund_AfterWriteBackMarkedPaid_ReopensStatus()
    {
        var invoice = InvoiceInboundRules.CreateFromSuperOps(Guid.NewGuid(), Guid.NewGuid(), "USD", Approved, ImportedAt);
        invoice.ApplyPayment(10000, PaidAt);

        // The write-back dispatcher records its delivered MarkPaid as SuperOps' status.
        invoice.SuperOpsStatus = SuperOpsStatus.Paid;
        invoice.ApplyRefund(10000, RefundedAt);

        Assert.Equal(10000, invoice.OutstandingMinor);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
    }

    [Fact]
    public void ApplyRefund_SuperOpsPaid_ReopensAltPayShare()
    {
        var invoice = InvoiceInboundRules.CreateFromSuperOps(Guid.NewGuid(), Guid.NewGuid(), "USD", Approved, ImportedAt);
        invoice.ApplyPayment(4000, PaidAt);
        InvoiceInboundRules.ApplyHeader(invoice, Approved with { Status = SuperOpsStatus.Paid }, invoice.CustomerId, PaidAt);

        invoice.ApplyRefund(4000, RefundedAt);

        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.Status);
        Assert.Equal(4000, invoice.OutstandingMinor);
    }
}
