using System.Globalization;

namespace SuperOps.Sandbox.Model;

/// <summary>Money and date formatting shared by the GraphQL and admin output.</summary>
internal static class Money
{
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Formats an amount as SuperOps does: a decimal string with exactly two decimals.</summary>
    public static string Format(decimal value) => Round(value).ToString("0.00", CultureInfo.InvariantCulture);

    public static string FormatQuantity(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string FormatRate(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? FormatDate(DateOnly? date) => date is { } d ? FormatDate(d) : null;

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string FormatId(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseId(string? text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
