namespace AltPay.Domain;

/// <summary>An MSP using AltPay.</summary>
public sealed class Partner
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
