namespace AltPay.SuperOps;

/// <summary>What the tenant's schema offers beyond the documented SuperOps API.</summary>
/// <param name="InvoicePayments">True when <c>Invoice</c> has <c>payments</c>, <c>amountPaid</c> and <c>balanceDue</c>.</param>
public sealed record SuperOpsCapabilities(bool InvoicePayments);

/// <summary>A SuperOps client (an AltPay customer). Equality compares <see cref="EmailDomains"/> item by item.</summary>
public sealed record SuperOpsClientRecord(
    string AccountId,
    string Name,
    string? Stage,
    string? Status,
    IReadOnlyList<string> EmailDomains,
    string? PrimaryContactName,
    string? HqSiteName)
{
    public bool Equals(SuperOpsClientRecord? other) =>
        other is not null
        && AccountId == other.AccountId
        && Name == other.Name
        && Stage == other.Stage
        && Status == other.Status
        && EmailDomains.SequenceEqual(other.EmailDomains)
        && PrimaryContactName == other.PrimaryContactName
        && HqSiteName == other.HqSiteName;

    public override int GetHashCode() => HashCode.Combine(AccountId, Name, Stage, Status, EmailDomains.Count, PrimaryContactName, HqSiteName);
}

public enum SuperOpsInvoiceStatus
{
    Draft,
    Approved,
    Paid,
    Overdue,
    Void,
}

/// <summary>
/// A SuperOps invoice header. <see cref="AmountPaid"/>, <see cref="BalanceDue"/> and <see cref="Payments"/>
/// are null when the tenant's schema lacks the payments extension or the call did not ask for them.
/// Equality compares <see cref="Payments"/> item by item.
/// </summary>
public sealed record SuperOpsInvoiceRecord(
    string InvoiceId,
    string DisplayId,
    string? ClientAccountId,
    string? ClientName,
    DateOnly InvoiceDate,
    DateOnly? DueDate,
    SuperOpsInvoiceStatus Status,
    decimal TotalAmount,
    DateOnly? PaymentDate,
    string? PaymentMethodId,
    string? PaymentMethodName,
    string? PaymentReference,
    decimal? AmountPaid,
    decimal? BalanceDue,
    IReadOnlyList<SuperOpsInvoicePayment>? Payments)
{
    public bool Equals(SuperOpsInvoiceRecord? other) =>
        other is not null
        && InvoiceId == other.InvoiceId
        && DisplayId == other.DisplayId
        && ClientAccountId == other.ClientAccountId
        && ClientName == other.ClientName
        && InvoiceDate == other.InvoiceDate
        && DueDate == other.DueDate
        && Status == other.Status
        && TotalAmount == other.TotalAmount
        && PaymentDate == other.PaymentDate
        && PaymentMethodId == other.PaymentMethodId
        && PaymentMethodName == other.PaymentMethodName
        && PaymentReference == other.PaymentReference
        && AmountPaid == other.AmountPaid
        && BalanceDue == other.BalanceDue
        && (Payments is null ? other.Payments is null : other.Payments is not null && Payments.SequenceEqual(other.Payments));

    public override int GetHashCode() => HashCode.Combine(InvoiceId, DisplayId, Status, TotalAmount, DueDate, AmountPaid, Payments?.Count);
}

/// <summary>A payment or credit applied to an invoice in SuperOps.</summary>
/// <param name="Type"><c>PAYMENT</c> or <c>CREDIT</c>.</param>
public sealed record SuperOpsInvoicePayment(
    string PaymentId,
    string Type,
    decimal Amount,
    DateOnly? PaymentDate,
    string? PaymentReference);

/// <summary>An invoice line item.</summary>
/// <param name="Amount">Quantity times unit price less discount, before tax.</param>
public sealed record SuperOpsInvoiceLineRecord(
    string ItemId,
    string InvoiceId,
    string? Details,
    decimal Quantity,
    decimal UnitPrice,
    decimal Amount);

public sealed record SuperOpsPaymentMethod(string PaymentMethodId, string Name);

/// <summary>
/// Fields to change with <c>updateInvoice</c>; null fields are left as they are.
/// <see cref="ClearPaymentFields"/> sends null for the payment date, method and reference, which clears them.
/// </summary>
public sealed record SuperOpsInvoiceUpdate(
    string InvoiceId,
    SuperOpsInvoiceStatus? Status = null,
    DateOnly? PaymentDate = null,
    string? PaymentMethodId = null,
    string? PaymentReference = null,
    bool ClearPaymentFields = false);

/// <summary>
/// Progress and completeness of one listing, filled page by page by the list methods of <see cref="SuperOpsClient"/>.
/// </summary>
public sealed class SuperOpsListing
{
    /// <summary>Pages read so far.</summary>
    public int Pages { get; set; }

    /// <summary><c>totalCount</c> reported with the first page.</summary>
    public int? TotalCountAtStart { get; set; }

    /// <summary><c>totalCount</c> reported with the last page read.</summary>
    public int? TotalCountAtEnd { get; set; }

    /// <summary>Records received, duplicates across pages included.</summary>
    public int RecordsRead { get; set; }

    /// <summary>Distinct ids received.</summary>
    public int DistinctIds { get; set; }

    /// <summary>
    /// True once the last page was read, <c>totalCount</c> did not change during the listing and the distinct ids
    /// received equal it. Only a complete listing can show that a record was deleted in SuperOps.
    /// </summary>
    public bool Complete { get; set; }
}
