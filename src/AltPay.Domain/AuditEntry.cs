namespace AltPay.Domain;

/// <summary>
/// One security-relevant action in a partner's account: a sign-in, a connection change, a payment, a
/// user or API key change. Rows are only added, never changed.
/// </summary>
public sealed class AuditEntry : IPartnerOwned
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The dashboard user who acted; null for API key calls and for failed sign-ins.</summary>
    public string? ActorUserId { get; set; }

    /// <summary>The API key that made the call; null for dashboard actions.</summary>
    public Guid? ApiKeyId { get; set; }

    /// <summary>The actor as shown when the entry was written (an email or an API key's name and prefix).</summary>
    public string? ActorName { get; set; }

    /// <summary>What happened, as a dotted name such as <c>connection.connected</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What the action applied to: an email, a subdomain, an invoice number or an id.</summary>
    public required string Target { get; set; }

    /// <summary>Extra facts for people reading the log; never a secret.</summary>
    public string? Detail { get; set; }
}
