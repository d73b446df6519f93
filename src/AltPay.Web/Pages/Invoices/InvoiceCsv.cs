using System.Globalization;
using System.Text;
using AltPay.Domain;

namespace AltPay.Web.Pages.Invoices;

/// <summary>Writes invoices as RFC 4180 CSV with exact amounts, for spreadsheets and accounting tools.</summary>
public static class InvoiceCsv
{
    private static readonly string[] Header =
        ["Number", "Customer", "Source", "Status", "Invoice date", "Due date", "Currency", "Total", "Amount paid", "Balance", "Archived"];

    public static string Write(IReadOnlyList<Invoice> invoices, IReadOnlyDictionary<Guid, string> customerNames, DateOnly today)
    {
        var text = new StringBuilder();
        AppendRow(text, Header);

        foreach (var invoice in invoices)
        {
            AppendRow(text,
            [
                invoice.Number,
                customerNames.GetValueOrDefault(invoice.CustomerId) ?? "",
                invoice.Source == RecordSource.SuperOps ? "superops" : "altpay",
                invoice.StatusOn(today).ToApiName(),
                invoice.InvoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                invoice.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                invoice.Currency,
                Amount(invoice.TotalMinor, invoice.Currency),
                Amount(invoice.AmountPaidMinor, invoice.Currency),
                Amount(invoice.OutstandingMinor, invoice.Currency),
                invoice.IsArchived ? "yes" : "no",
            ]);
        }

        return text.ToString();
    }

    private static string Amount(long minor, string currency) =>
        Money.FromMinorUnits(minor, currency).ToString("F" + Money.MinorDigits(currency), CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> fields)
    {
        text.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
    }

    // A leading =, +, - or @ would run as a formula in spreadsheets, so such a field gets a quote mark first.
    private static string Quote(string field)
    {
        var safe = field.Length > 0 && field[0] is '=' or '+' or '-' or '@' ? "'" + field : field;
        var needsQuotes = safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 || safe != field;
        return needsQuotes ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }
}
