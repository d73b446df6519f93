namespace AltPay.Domain;

/// <summary>Something that happened to an invoice, shown oldest first on its timeline.</summary>
public sealed class TimelineEvent : IPartnerOwned
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public Guid InvoiceId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>A stable snake_case name such as <c>imported</c> or <c>due_date_changed</c>; see <see cref="TimelineKinds"/>.</summary>
    public required string Kind { get; set; }

    public required string Message { get; set; }

    /// <summary>The sync run that caused the event, if a run did.</summary>
    public Guid? RunId { get; set; }

    public static TimelineEvent For(Invoice invoice, string kind, string message, DateTimeOffset at, Guid? runId = null) =>
        For(invoice.PartnerId, invoice.Id, kind, message, at, runId);

    public static TimelineEvent For(Guid partnerId, Guid invoiceId, string kind, string message, DateTimeOffset at, Guid? runId = null) => new()
    {
        Id = RowId.New(at),
        PartnerId = partnerId,
        InvoiceId = invoiceId,
        At = at,
        Kind = kind,
        Message = message,
        RunId = runId,
    };
}

public static class TimelineKinds
{
    public const string Imported = "imported";
    public const string Created = "created";
    public const string Changed = "changed";
    public const string EditedInAltPay = "edited";
    public const string ConflictIgnored = "conflict";
    public const string Archived = "archived";
    public const string Restored = "restored";
    public const string PaymentRecorded = "payment_recorded";
    public const string PaymentRefunded = "payment_refunded";
    public const string WaitingForFullPayment = "waiting_for_full_payment";
    public const string WriteBackPending = "write_back_pending";
    public const string WriteBackDelivered = "write_back_delivered";
    public const string WriteBackFailed = "write_back_failed";
    public const string Review = "review";
}
