namespace AltPay.Domain;

public enum ConnectionStatus
{
    Connected,
    Error,
    Disconnected,
}

/// <summary>A partner's link to its SuperOps tenant. One per partner.</summary>
public sealed class SuperOpsConnection : IPartnerOwned
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public required string Subdomain { get; set; }

    /// <summary>"us" or "eu".</summary>
    public required string Region { get; set; }

    public required string Currency { get; set; }

    /// <summary>The API token encrypted with ASP.NET Core Data Protection; null once disconnected.</summary>
    public string? ProtectedToken { get; set; }

    public string? TokenLastFour { get; set; }

    public ConnectionStatus Status { get; set; }

    /// <summary>Why the connection is in error, phrased for the partner.</summary>
    public string? Error { get; set; }

    /// <summary>Whether the tenant's schema lists invoice payments and credits; without it balances follow status only.</summary>
    public bool InvoicePayments { get; set; }

    /// <summary>JSON object mapping AltPay payment methods (card, ach, ...) to SuperOps payment method names.</summary>
    public string? PaymentMethodMap { get; set; }

    public DateTimeOffset ConnectedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
