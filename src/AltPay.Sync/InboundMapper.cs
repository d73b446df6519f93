using System.Globalization;
using AltPay.Domain;
using AltPay.SuperOps;

namespace AltPay.Sync;

/// <summary>Converts SuperOps records to the domain's inbound records, in the connection's currency, and hashes them.</summary>
internal static class InboundMapper
{
    public static InboundCustomer ToInbound(SuperOpsClientRecord record) =>
        new(record.AccountId, record.Name, Email: null, record.PrimaryContactName);

    public static string Hash(SuperOpsClientRecord record) =>
        ContentHash.Of(record.AccountId, record.Name, record.PrimaryContactName);

    public static InboundInvoice ToInbound(SuperOpsInvoiceRecord record, string currency, bool withPayments)
    {
        var total = ToMinor(record.TotalAmount, currency, record.InvoiceId, "totalAmount");
        long? payments = null;

        if (withPayments)
        {
            var paid = record.AmountPaid ?? record.Payments?.Sum(payment => payment.Amount) ?? 0m;
            payments = ToMinor(paid, currency, record.InvoiceId, "amountPaid");
        }

        return new InboundInvoice(
            record.InvoiceId,
            record.DisplayId,
            record.ClientAccountId,
            record.InvoiceDate,
            record.DueDate,
            ToDomain(record.Status),
            total,
            payments);
    }

    public static string Hash(InboundInvoice invoice) => ContentHash.Of(
        invoice.ExternalId,
        invoice.Number,
        invoice.CustomerExternalId,
        Format(invoice.InvoiceDate),
        Format(invoice.DueDate),
        invoice.Status.ToString(),
        invoice.TotalMinor.ToString(CultureInfo.InvariantCulture),
        invoice.PaymentsMinor?.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Converts a line. Line amounts are rounded half away from zero to the minor unit, because
    /// quantity times unit price can carry more decimals than the currency. The invoice total is
    /// always SuperOps' own exact total.
    /// </summary>
    public static InboundLine ToInbound(SuperOpsInvoiceLineRecord record, string currency) => new(
        record.ItemId,
        record.Details,
        record.Quantity,
        record.UnitPrice,
        Money.ToMinorUnitsRounded(record.Amount, currency));

    /// <summary>Orders the lines of one invoice by SuperOps item id and hashes them together.</summary>
    public static (List<InboundLine> Lines, string Hash) OrderAndHash(List<InboundLine> lines)
    {
        lines.Sort((left, right) => CompareIds(left.ExternalId, right.ExternalId));

        var parts = new List<string?>(lines.Count * 5);
        foreach (var line in lines)
        {
            parts.Add(line.ExternalId);
            parts.Add(line.Description);
            parts.Add(line.Quantity.ToString(CultureInfo.InvariantCulture));
            parts.Add(line.UnitPrice.ToString(CultureInfo.InvariantCulture));
            parts.Add(line.AmountMinor.ToString(CultureInfo.InvariantCulture));
        }

        return (lines, ContentHash.Of([.. parts]));
    }

    public static SuperOpsStatus ToDomain(SuperOpsInvoiceStatus status) => status switch
    {
        SuperOpsInvoiceStatus.Draft => SuperOpsStatus.Draft,
        SuperOpsInvoiceStatus.Paid => SuperOpsStatus.Paid,
        SuperOpsInvoiceStatus.Void => SuperOpsStatus.Void,

        // SuperOps computes OVERDUE from the due date; AltPay does the same from its own copy.
        _ => SuperOpsStatus.Approved,
    };

    /// <summary>Compares numeric-string ids as numbers without parsing them.</summary>
    public static int CompareIds(string? left, string? right)
    {
        var byLength = (left?.Length ?? 0).CompareTo(right?.Length ?? 0);
        return byLength != 0 ? byLength : string.CompareOrdinal(left, right);
    }

    private static long ToMinor(decimal amount, string currency, string invoiceId, string field)
    {
        try
        {
            return Money.ToMinorUnits(amount, currency);
        }
        catch (ArgumentException)
        {
            throw new SyncDataException(
                $"SuperOps sent {field} {amount.ToString(CultureInfo.InvariantCulture)} for invoice {invoiceId}, which has more decimals than {currency} allows. "
                + "Check the connection's currency under Integrations > SuperOps.");
        }
    }

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>SuperOps sent a value AltPay cannot store exactly; the run stops and its error names the value.</summary>
public sealed class SyncDataException(string message) : Exception(message);
