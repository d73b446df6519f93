namespace AltPay.Domain;

/// <summary>A client of the partner: a SuperOps client imported into AltPay, or one created in AltPay.</summary>
public sealed class Customer : IPartnerOwned
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    public string? ContactName { get; set; }

    public RecordSource Source { get; set; }

    /// <summary>The SuperOps account id, kept as a string because it can exceed JavaScript's safe integers.</summary>
    public string? ExternalId { get; set; }

    /// <summary>Hash of the SuperOps fields last seen, so an unchanged client costs no write.</summary>
    public string? ContentHash { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public string? ArchiveReason { get; set; }

    public Guid? ArchivedBySweepRunId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsArchived => ArchivedAt is not null;
}
