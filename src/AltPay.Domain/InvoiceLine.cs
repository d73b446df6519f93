namespace AltPay.Domain;

/// <summary>One line of an invoice. Quantity and unit price are exact decimals; the amount is in minor units.</summary>
public sealed class InvoiceLine : IPartnerOwned
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public Guid InvoiceId { get; set; }

    /// <summary>Zero-based order of the line on the invoice.</summary>
    public int Position { get; set; }

    /// <summary>The SuperOps item id; null for lines written in AltPay.</summary>
    public string? ExternalId { get; set; }

    public string? Description { get; set; }

    public decimal Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    public long AmountMinor { get; set; }
}
