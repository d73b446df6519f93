namespace AltPay.Domain;

/// <summary>
/// An invoice of a partner's customer. Amounts are minor units of <see cref="Currency"/>. Invoices
/// imported from SuperOps also keep the SuperOps values last applied (the <c>SuperOps*</c> properties),
/// which the three-way rule compares with what SuperOps sends next.
/// </summary>
public sealed class Invoice : IPartnerOwned, ISuperOpsRecord
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public Guid CustomerId { get; set; }

    public required string Number { get; set; }

    public RecordSource Source { get; set; }

    public string? ExternalId { get; set; }

    public required string Currency { get; set; }

    public DateOnly InvoiceDate { get; set; }

    public DateOnly? DueDate { get; set; }

    public long TotalMinor { get; set; }

    /// <summary>
    /// Payments and credits applied in SuperOps. An invoice SuperOps marks paid counts as settled
    /// there, so this is then whatever AltPay payments leave open.
    /// </summary>
    public long SuperOpsPaidMinor { get; set; }

    /// <summary>Successful AltPay payments, net of refunds.</summary>
    public long AltPayPaidMinor { get; set; }

    /// <summary>The status without the overdue overlay; <see cref="StatusOn"/> adds it.</summary>
    public InvoiceStatus Status { get; set; } = InvoiceStatus.Open;

    /// <summary>Set while AltPay payments cover the invoice in full; SuperOps changes are then ignored.</summary>
    public bool PaidLocked { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public string? ArchiveReason { get; set; }

    public Guid? ArchivedBySweepRunId { get; set; }

    /// <summary>Archived while it had AltPay payments or a pending write-back, so a person should look at it.</summary>
    public bool NeedsReview { get; set; }

    public string? SuperOpsCustomerId { get; set; }

    public DateOnly? SuperOpsDueDate { get; set; }

    public long? SuperOpsTotalMinor { get; set; }

    /// <summary>Sum of the payments and credits SuperOps listed; null when the tenant's schema has no payments.</summary>
    public long? SuperOpsPaymentsMinor { get; set; }

    public SuperOpsStatus? SuperOpsStatus { get; set; }

    public string? SuperOpsLinesHash { get; set; }

    /// <summary>Hash of the SuperOps header fields last seen, so an unchanged invoice costs no write.</summary>
    public string? HeaderHash { get; set; }

    public bool DueDateEditedInAltPay { get; set; }

    public bool LinesEditedInAltPay { get; set; }

    public WriteBackStatus WriteBackStatus { get; set; }

    public DateTimeOffset? WriteBackLastAttemptAt { get; set; }

    public string? WriteBackError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<InvoiceLine> Lines { get; set; } = [];

    public bool IsArchived => ArchivedAt is not null;

    /// <summary>Archives the invoice because a sweep found it deleted in SuperOps; <paramref name="needsReview"/> flags it for a person.</summary>
    public void Archive(string reason, Guid sweepRunId, bool needsReview, DateTimeOffset now)
    {
        ArchivedAt = now;
        ArchiveReason = reason;
        ArchivedBySweepRunId = sweepRunId;
        NeedsReview = needsReview;
        UpdatedAt = now;
    }

    /// <summary>Restores an archived invoice that SuperOps lists again.</summary>
    public void Restore(DateTimeOffset now)
    {
        ArchivedAt = null;
        ArchiveReason = null;
        ArchivedBySweepRunId = null;
        NeedsReview = false;
        UpdatedAt = now;
    }

    public long AmountPaidMinor => SuperOpsPaidMinor + AltPayPaidMinor;

    /// <summary>Total less everything paid or credited, never below zero.</summary>
    public long OutstandingMinor => Math.Max(0, TotalMinor - AmountPaidMinor);

    /// <summary>Returns the status as of <paramref name="today"/>: open and partly paid invoices past due read as overdue.</summary>
    public InvoiceStatus StatusOn(DateOnly today)
    {
        var isUnsettled = Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid;

        if (isUnsettled && DueDate is { } due && due < today)
        {
            return InvoiceStatus.Overdue;
        }

        return Status;
    }

    /// <summary>Recomputes <see cref="Status"/> from the void and draft state and the amounts.</summary>
    public void RecomputeStatus()
    {
        Status = ComputeStatus();
    }

    private InvoiceStatus ComputeStatus()
    {
        if (SuperOpsStatus == Domain.SuperOpsStatus.Void)
        {
            return InvoiceStatus.Void;
        }

        if (SuperOpsStatus == Domain.SuperOpsStatus.Draft)
        {
            return InvoiceStatus.Draft;
        }

        // SuperOps' PAID is already in SuperOpsPaidMinor, so the balance alone decides; a PAID that
        // AltPay wrote back itself then reopens as soon as the AltPay payment is refunded.
        if (OutstandingMinor == 0)
        {
            return InvoiceStatus.Paid;
        }

        return AmountPaidMinor > 0 ? InvoiceStatus.PartiallyPaid : InvoiceStatus.Open;
    }

    /// <summary>Returns why AltPay may not edit or take a payment on this invoice, or null when it may.</summary>
    public string? WhyNotEditable()
    {
        if (IsArchived)
        {
            return "The invoice is archived because it was deleted in SuperOps.";
        }

        return Status switch
        {
            InvoiceStatus.Void => "The invoice is void.",
            InvoiceStatus.Paid => "The invoice is already paid.",
            InvoiceStatus.Draft => "The invoice is still a draft in SuperOps.",
            _ => null,
        };
    }

    /// <summary>
    /// Adds a successful AltPay payment. A SuperOps invoice it settles becomes paid-locked, so that later
    /// SuperOps changes are reported instead of applied. Returns whether the invoice is now fully paid.
    /// </summary>
    public bool ApplyPayment(long amountMinor, DateTimeOffset now)
    {
        if (amountMinor <= 0 || amountMinor > OutstandingMinor)
        {
            throw new ArgumentOutOfRangeException(nameof(amountMinor), amountMinor, "A payment must be above zero and at most the outstanding balance.");
        }

        AltPayPaidMinor += amountMinor;
        UpdatedAt = now;
        RecomputeStatus();

        var settled = OutstandingMinor == 0;
        if (settled && Source == RecordSource.SuperOps)
        {
            PaidLocked = true;
        }

        return settled;
    }

    /// <summary>Takes back a refunded AltPay payment; the balance reopens and the paid-lock lifts.</summary>
    public void ApplyRefund(long amountMinor, DateTimeOffset now)
    {
        AltPayPaidMinor = Math.Max(0, AltPayPaidMinor - amountMinor);
        PaidLocked = false;
        UpdatedAt = now;
        RecomputeStatus();
    }

    /// <summary>Sets a due date edited in AltPay; it is kept until SuperOps changes the due date.</summary>
    public void EditDueDate(DateOnly dueDate, DateTimeOffset now)
    {
        DueDate = dueDate;
        DueDateEditedInAltPay = Source == RecordSource.SuperOps;
        UpdatedAt = now;
        RecomputeStatus();
    }

    /// <summary>Replaces the lines with ones edited in AltPay; the total becomes their sum.</summary>
    public void ReplaceLinesFromAltPay(IReadOnlyList<InvoiceLine> lines, DateTimeOffset now)
    {
        SetLines(lines);
        TotalMinor = lines.Sum(line => line.AmountMinor);
        LinesEditedInAltPay = Source == RecordSource.SuperOps;
        UpdatedAt = now;
        RecomputeStatus();
    }

    internal void SetLines(IReadOnlyList<InvoiceLine> lines)
    {
        Place(lines, PartnerId, Id);
        Lines.Clear();
        Lines.AddRange(lines);
    }

    /// <summary>Makes <paramref name="lines"/> the lines of one invoice, numbered in their order.</summary>
    internal static void Place(IReadOnlyList<InvoiceLine> lines, Guid partnerId, Guid invoiceId)
    {
        for (var position = 0; position < lines.Count; position++)
        {
            lines[position].PartnerId = partnerId;
            lines[position].InvoiceId = invoiceId;
            lines[position].Position = position;
        }
    }
}
