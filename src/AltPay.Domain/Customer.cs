namespace AltPay.Domain;

/// <summary>A client of the partner: a SuperOps client imported into AltPay, or one created in AltPay.</summary>
public sealed class Customer : IPartnerOwned, ISuperOpsRecord
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

    /// <summary>Archives the customer because a sweep found its SuperOps client deleted.</summary>
    public void Archive(string reason, Guid sweepRunId, DateTimeOffset now)
    {
        ArchivedAt = now;
        ArchiveReason = reason;
        ArchivedBySweepRunId = sweepRunId;
        UpdatedAt = now;
    }

    /// <summary>Restores an archived customer whose SuperOps client is listed again.</summary>
    public void Restore(DateTimeOffset now)
    {
        ArchivedAt = null;
        ArchiveReason = null;
        ArchivedBySweepRunId = null;
        UpdatedAt = now;
    }
}
