namespace AltPay.Domain;

public enum OutboxKind
{
    /// <summary>Mark the SuperOps invoice paid.</summary>
    MarkPaid,

    /// <summary>Reopen the SuperOps invoice after a refund.</summary>
    Reopen,
}

public enum OutboxStatus
{
    Pending,
    Delivered,
    Failed,

    /// <summary>Dropped before it was ever sent, because a refund made it unnecessary.</summary>
    Cancelled,
}

/// <summary>
/// A write-back to SuperOps, committed in the same transaction as the payment or refund that caused it,
/// so that no payment event is lost between AltPay and SuperOps.
/// </summary>
public sealed class OutboxMessage : IPartnerOwned
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public Guid InvoiceId { get; set; }

    public OutboxKind Kind { get; set; }

    public OutboxStatus Status { get; set; }

    public DateOnly? PaymentDate { get; set; }

    public PaymentMethod? PaymentMethod { get; set; }

    /// <summary>The paymentReference sent to SuperOps (at most 255 characters).</summary>
    public string? Reference { get; set; }

    public int Attempts { get; set; }

    /// <summary>Set after an attempt whose outcome is unknown: the invoice is read back before sending again.</summary>
    public bool OutcomeUnknown { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}
