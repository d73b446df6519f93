using AltPay.Domain;

namespace AltPay.Domain.Tests;

// Kept out of the commits until the total follows SuperOps lines that replace AltPay-edited ones.
public sealed class InvoiceLinesTotalTests
{
    private static readonly Guid PartnerId = Guid.Parse("6f1d2c3b-4a59-4e68-8f7a-0b1c2d3e4f50");
    private static readonly Guid CustomerId = Guid.Parse("a1b2c3d4-e5f6-4789-9abc-def012345678");
    private static readonly DateTimeOffset ImportedAt = new(2026, 1, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RefreshedAt = new(2026, 1, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EditedAt = new(2026, 1, 2, 8, 30, 0, TimeSpan.Zero);

    private static readonly InboundInvoice Approved = new(
        "5001", "INV-1001", "9001", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), SuperOpsStatus.Approved, 10000, 0);

    private static readonly InboundLine[] SuperOpsLines =
    [
        new("7001", "Managed services", 1m, 80m, 8000),
        new("7002", "Backup", 2m, 10m, 2000),
    ];

    [Fact]
    public void ApplyLines_EditedLinesHashChanged_RestoresTotal()
    {
        var invoice = Import(Approved);
        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", ImportedAt);
        invoice.ReplaceLinesFromAltPay([AltPayLine("Consulting", 12000)], EditedAt);
        InboundLine[] renamed = [new("7001", "Managed services (January)", 1m, 80m, 8000), new("7002", "Backup", 2m, 10m, 2000)];

        // The header is unchanged in SuperOps, so only the lines arrive; the total must follow them.
        InvoiceInboundRules.ApplyHeader(invoice, Approved, CustomerId, RefreshedAt);
        InvoiceInboundRules.ApplyLines(invoice, renamed, "hash-2", RefreshedAt);

        Assert.Equal(10000, invoice.TotalMinor);
    }

    private static Invoice Import(InboundInvoice inbound) =>
        InvoiceInboundRules.CreateFromSuperOps(PartnerId, CustomerId, "USD", inbound, ImportedAt);

    private static InvoiceLine AltPayLine(string description, long amountMinor) => new()
    {
        Id = Guid.NewGuid(),
        Description = description,
        Quantity = 1m,
        UnitPrice = amountMinor / 100m,
        AmountMinor = amountMinor,
    };
}
