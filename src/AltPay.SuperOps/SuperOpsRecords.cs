namespace AltPay.SuperOps;

/// <summary>What the tenant's schema offers beyond the documented SuperOps API.</summary>
/// <param name="InvoicePayments">True when <c>Invoice</c> has <c>payments</c>, <c>amountPaid</c> and <c>balanceDue</c>.</param>
public sealed record SuperOpsCapabilities(bool InvoicePayments);

/// <summary>A SuperOps client (an AltPay customer).</summary>
public sealed record SuperOpsClientRecord(
    string AccountId,
    string Name,
    string? Stage,
    string? Status,
    IReadOnlyList<string> EmailDomains,
    string? PrimaryContactName,
    string? HqSiteName);

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
    IReadOnlyList<SuperOpsInvoicePayment>? Payments);

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
