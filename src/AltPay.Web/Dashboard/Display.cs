using AltPay.Web.Api.Models;
using System.Globalization;
using AltPay.Domain;

namespace AltPay.Web.Dashboard;

/// <summary>Formats amounts, dates and times for the dashboard.</summary>
public static class Display
{
    /// <summary>Returns a run's status as readers see it, such as "awaiting confirmation".</summary>
    public static string RunStatus(SyncRunStatus status) => status.ToApiName().Replace('_', ' ');

    /// <summary>Returns a run's kind as readers see it: "Refresh" or "Sweep".</summary>
    public static string RunKind(SyncRunKind kind) => kind == SyncRunKind.Sweep ? "Sweep" : "Refresh";

    public static string Amount(long minorUnits, string currency)
    {
        var value = Money.FromMinorUnits(minorUnits, currency);
        return value.ToString("N" + Money.MinorDigits(currency), CultureInfo.InvariantCulture) + " " + currency;
    }

    public static string Amount(decimal value, string currency) =>
        value.ToString("N" + Money.MinorDigits(currency), CultureInfo.InvariantCulture) + " " + currency;

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>Returns the status as people read it: "partially paid" rather than partially_paid.</summary>
    public static string Status(InvoiceStatus status) => status.ToApiName().Replace('_', ' ');
}
