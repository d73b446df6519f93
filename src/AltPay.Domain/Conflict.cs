namespace AltPay.Domain;

/// <summary>A SuperOps change that the paid-lock kept from being applied in AltPay.</summary>
public sealed class Conflict : IPartnerOwned
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public Guid InvoiceId { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    /// <summary>The invoice field SuperOps changed: amount, dueDate, invoiceDate, number, status, amountPaid or lines.</summary>
    public required string Field { get; set; }

    public string? AltPayValue { get; set; }

    public string? SuperOpsValue { get; set; }

    public bool Resolved { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public Guid? RunId { get; set; }
}
