namespace AltPay.Domain;

/// <summary>A partner API key. Only a SHA-256 hash is stored; the key itself is shown once.</summary>
public sealed class ApiKey : IPartnerOwned
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the key, shown in lists so partners can tell keys apart.</summary>
    public required string Prefix { get; set; }

    public required string Hash { get; set; }

    /// <summary>The partner role the key acts with: Admin, Member or Read-only. Keys made before roles existed are Admin.</summary>
    public string Role { get; set; } = "Admin";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
