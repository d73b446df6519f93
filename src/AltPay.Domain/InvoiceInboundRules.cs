using System.Globalization;

namespace AltPay.Domain;

/// <summary>An invoice header as SuperOps sends it, converted to AltPay units.</summary>
/// <param name="PaymentsMinor">Payments and credits SuperOps lists; null when its schema has no payments.</param>
public sealed record InboundInvoice(
    string ExternalId,
    string Number,
    string? CustomerExternalId,
    DateOnly InvoiceDate,
    DateOnly? DueDate,
    SuperOpsStatus Status,
    long TotalMinor,
    long? PaymentsMinor);

/// <summary>An invoice line as SuperOps sends it.</summary>
public sealed record InboundLine(string? ExternalId, string? Description, decimal Quantity, decimal UnitPrice, long AmountMinor);

/// <summary>One field that differs between AltPay and SuperOps, with both values as display text.</summary>
public sealed record FieldChange(string Field, string? AltPayValue, string? SuperOpsValue);

/// <summary>What applying a SuperOps record did: the changes applied and those the paid-lock ignored.</summary>
public sealed class InboundResult
{
    public List<FieldChange> Applied { get; } = [];

    public List<FieldChange> Ignored { get; } = [];

    public bool Changed => Applied.Count > 0;
}

/// <summary>
/// The inbound sync rules for invoices: drafts wait for approval, unpaid edits flow in, a field edited
/// in AltPay keeps its value until SuperOps changes that same field, and a paid-locked invoice ignores
/// every SuperOps change but reports it.
/// </summary>
public static class InvoiceInboundRules
{
    public const string FieldNumber = "number";
    public const string FieldCustomer = "customer";
    public const string FieldInvoiceDate = "invoiceDate";
    public const string FieldDueDate = "dueDate";
    public const string FieldAmount = "amount";
    public const string FieldStatus = "status";
    public const string FieldAmountPaid = "amountPaid";
    public const string FieldLines = "lines";

    /// <summary>Returns whether an invoice not yet in AltPay should be imported: drafts wait until SuperOps approves them.</summary>
    public static bool ShouldImport(InboundInvoice inbound) => inbound.Status != SuperOpsStatus.Draft;

    /// <summary>
    /// Creates an invoice from its SuperOps header. A new invoice has nothing to compare with, so unlike
    /// <see cref="ApplyHeader"/> this describes no changes: a first import of a hundred thousand
    /// invoices would format every field only to drop it. Its lines come after, from <see cref="LinesOfImported"/>.
    /// </summary>
    public static Invoice CreateFromSuperOps(Guid partnerId, Guid customerId, string currency, InboundInvoice inbound, DateTimeOffset now)
    {
        var invoice = new Invoice
        {
            Id = RowId.New(now),
            PartnerId = partnerId,
            CustomerId = customerId,
            Number = inbound.Number,
            Source = RecordSource.SuperOps,
            ExternalId = inbound.ExternalId,
            Currency = currency,
            CreatedAt = now,
            UpdatedAt = now,
        };

        AssignHeader(invoice, inbound, customerId);
        return invoice;
    }

    /// <summary>
    /// The SuperOps lines of an invoice that <see cref="CreateFromSuperOps"/> made in the same refresh:
    /// nothing in AltPay can have edited or paid it yet, so its lines are SuperOps' as they are.
    /// </summary>
    public static List<InvoiceLine> LinesOfImported(Guid partnerId, Guid invoiceId, IReadOnlyList<InboundLine> lines, DateTimeOffset now)
    {
        var result = lines.Select(line => ToLine(line, now)).ToList();
        Invoice.Place(result, partnerId, invoiceId);
        return result;
    }

    /// <summary>Applies a SuperOps header to an invoice imported earlier.</summary>
    public static InboundResult ApplyHeader(Invoice invoice, InboundInvoice inbound, Guid customerId, DateTimeOffset now)
    {
        var result = new InboundResult();
        var changes = result.PaidLockedOrApplied(invoice.PaidLocked);

        if (invoice.Number != inbound.Number)
        {
            changes.Add(new FieldChange(FieldNumber, invoice.Number, inbound.Number));
        }

        if (invoice.SuperOpsCustomerId != inbound.CustomerExternalId)
        {
            changes.Add(new FieldChange(FieldCustomer, invoice.SuperOpsCustomerId, inbound.CustomerExternalId));
        }

        if (invoice.InvoiceDate != inbound.InvoiceDate)
        {
            changes.Add(new FieldChange(FieldInvoiceDate, Format(invoice.InvoiceDate), Format(inbound.InvoiceDate)));
        }

        var isFirstImport = invoice.SuperOpsStatus is null;
        if (isFirstImport || invoice.SuperOpsDueDate != inbound.DueDate)
        {
            changes.Add(new FieldChange(FieldDueDate, Format(invoice.DueDate), Format(inbound.DueDate)));
        }

        if (isFirstImport || invoice.SuperOpsTotalMinor != inbound.TotalMinor)
        {
            changes.Add(new FieldChange(FieldAmount, FormatMinor(invoice.TotalMinor, invoice.Currency), FormatMinor(inbound.TotalMinor, invoice.Currency)));
        }

        if (invoice.SuperOpsStatus != inbound.Status)
        {
            changes.Add(new FieldChange(FieldStatus, invoice.SuperOpsStatus?.ToString().ToUpperInvariant(), inbound.Status.ToString().ToUpperInvariant()));
        }

        if (invoice.SuperOpsPaymentsMinor != inbound.PaymentsMinor)
        {
            changes.Add(new FieldChange(FieldAmountPaid, FormatMinor(invoice.SuperOpsPaymentsMinor, invoice.Currency), FormatMinor(inbound.PaymentsMinor, invoice.Currency)));
        }

        if (invoice.PaidLocked)
        {
            return result;
        }

        AssignHeader(invoice, inbound, customerId);

        if (result.Changed)
        {
            invoice.UpdatedAt = now;
        }

        return result;
    }

    private static void AssignHeader(Invoice invoice, InboundInvoice inbound, Guid customerId)
    {
        invoice.Number = inbound.Number;
        invoice.CustomerId = customerId;
        invoice.SuperOpsCustomerId = inbound.CustomerExternalId;
        invoice.InvoiceDate = inbound.InvoiceDate;
        ApplyDueDate(invoice, inbound.DueDate);
        ApplyTotal(invoice, inbound.TotalMinor);
        invoice.SuperOpsStatus = inbound.Status;
        invoice.SuperOpsPaymentsMinor = inbound.PaymentsMinor;
        invoice.SuperOpsPaidMinor = SuperOpsPaid(invoice, inbound);
        invoice.RecomputeStatus();
    }

    /// <summary>
    /// Applies the SuperOps lines of an invoice; <paramref name="linesHash"/> identifies their content.
    /// <paramref name="currentLines"/> describes the change when the current lines are not loaded.
    /// <paramref name="headerCurrent"/> is false when the invoice lacks the SuperOps header these lines
    /// came with, because the paid-lock held it back.
    /// </summary>
    public static InboundResult ApplyLines(
        Invoice invoice,
        IReadOnlyList<InboundLine> lines,
        string linesHash,
        DateTimeOffset now,
        (int Count, long AmountMinor)? currentLines = null,
        bool headerCurrent = true)
    {
        var result = new InboundResult();

        if (invoice.SuperOpsLinesHash == linesHash)
        {
            return result;
        }

        var (count, amount) = currentLines ?? (invoice.Lines.Count, invoice.Lines.Sum(line => line.AmountMinor));
        var isFirst = invoice.SuperOpsLinesHash is null;

        if (isFirst && invoice.LinesEditedInAltPay && amount == invoice.TotalMinor)
        {
            // SuperOps' lines never reached this invoice before AltPay edited them, and SuperOps has not
            // changed the amount since. The edit is kept, and SuperOps' lines become the base a later
            // SuperOps change is measured from.
            invoice.SuperOpsLinesHash = linesHash;
            return result;
        }

        var change = new FieldChange(
            FieldLines,
            DescribeLines(count, amount, invoice.Currency),
            DescribeLines(lines.Count, lines.Sum(line => line.AmountMinor), invoice.Currency));

        // The first lines of the SuperOps version an invoice holds complete its import rather than change
        // it, so the paid-lock lets them in. Lines of a newer version, whose header the lock held back,
        // wait like any other change.
        var lockedOut = invoice.PaidLocked && !(isFirst && headerCurrent);
        result.PaidLockedOrApplied(lockedOut).Add(change);

        if (lockedOut)
        {
            return result;
        }

        invoice.SetLines(lines.Select(line => ToLine(line, now)).ToList());
        invoice.SuperOpsLinesHash = linesHash;

        // Lines edited in AltPay made the total their sum; SuperOps' lines bring SuperOps' total back.
        if (invoice.LinesEditedInAltPay && invoice.SuperOpsTotalMinor is { } superOpsTotal)
        {
            invoice.TotalMinor = superOpsTotal;
        }

        invoice.LinesEditedInAltPay = false;
        invoice.UpdatedAt = now;
        invoice.RecomputeStatus();
        return result;
    }

    private static List<FieldChange> PaidLockedOrApplied(this InboundResult result, bool paidLocked) =>
        paidLocked ? result.Ignored : result.Applied;

    // The three-way rule: SuperOps' due date replaces an AltPay edit only when SuperOps changed it.
    private static void ApplyDueDate(Invoice invoice, DateOnly? inbound)
    {
        var superOpsChanged = invoice.SuperOpsStatus is null || invoice.SuperOpsDueDate != inbound;
        if (!superOpsChanged && invoice.DueDateEditedInAltPay)
        {
            return;
        }

        invoice.DueDate = inbound;
        invoice.SuperOpsDueDate = inbound;
        invoice.DueDateEditedInAltPay = false;
    }

    private static void ApplyTotal(Invoice invoice, long inbound)
    {
        var superOpsChanged = invoice.SuperOpsStatus is null || invoice.SuperOpsTotalMinor != inbound;
        if (!superOpsChanged && invoice.LinesEditedInAltPay)
        {
            return;
        }

        invoice.TotalMinor = inbound;
        invoice.SuperOpsTotalMinor = inbound;
    }

    // An invoice SuperOps marks paid is settled there: whatever AltPay payments leave open counts as paid in SuperOps.
    private static long SuperOpsPaid(Invoice invoice, InboundInvoice inbound) => inbound.Status == SuperOpsStatus.Paid
        ? Math.Max(0, invoice.TotalMinor - invoice.AltPayPaidMinor)
        : inbound.PaymentsMinor ?? 0;

    private static InvoiceLine ToLine(InboundLine line, DateTimeOffset now) => new()
    {
        Id = RowId.New(now),
        ExternalId = line.ExternalId,
        Description = line.Description,
        Quantity = line.Quantity,
        UnitPrice = line.UnitPrice,
        AmountMinor = line.AmountMinor,
    };

    /// <summary>Describes a set of lines for the timeline and conflicts, such as "2 lines, 150.00".</summary>
    public static string DescribeLines(int count, long amountMinor, string currency) =>
        $"{count} {(count == 1 ? "line" : "lines")}, {FormatMinor(amountMinor, currency)}";

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? FormatMinor(long? minor, string currency) => minor is { } value
        ? Money.FromMinorUnits(value, currency).ToString("0.00##", CultureInfo.InvariantCulture)
        : null;
}
