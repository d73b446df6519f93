namespace AltPay.Domain;

public enum PaymentMethod
{
    Card,
    Ach,
    Check,
    Cash,
    Other,
}

public enum PaymentStatus
{
    Succeeded,
    Refunded,
}

/// <summary>A payment taken in AltPay against one invoice.</summary>
public sealed class Payment : IPartnerOwned
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public Guid InvoiceId { get; set; }

    public long AmountMinor { get; set; }

    public required string Currency { get; set; }

    public PaymentMethod Method { get; set; }

    public string? Reference { get; set; }

    public DateTimeOffset PaidAt { get; set; }

    public PaymentStatus Status { get; set; }

    /// <summary>The client's Idempotency-Key header; the same key on the same partner returns this payment.</summary>
    public string? IdempotencyKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RefundedAt { get; set; }
}
