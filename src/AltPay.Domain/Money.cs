namespace AltPay.Domain;

/// <summary>
/// Converts between exact decimal amounts and the integer minor units they are stored as.
/// </summary>
public static class Money
{
    // ISO 4217 currencies whose minor unit is not hundredths.
    private static readonly Dictionary<string, int> MinorDigitsByCurrency = new(StringComparer.Ordinal)
    {
        ["JPY"] = 0, ["KRW"] = 0, ["ISK"] = 0, ["CLP"] = 0, ["VND"] = 0,
        ["BHD"] = 3, ["KWD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3,
    };

    public const string DefaultCurrency = "USD";

    public static bool IsCurrencyCode(string? code) =>
        code is { Length: 3 } && code.All(c => c is >= 'A' and <= 'Z');

    public static int MinorDigits(string currency) =>
        MinorDigitsByCurrency.TryGetValue(currency, out var digits) ? digits : 2;

    /// <summary>
    /// Converts an amount to minor units. Throws when the amount has more decimals than the
    /// currency has, because rounding money silently is never right.
    /// </summary>
    public static long ToMinorUnits(decimal amount, string currency)
    {
        var factor = Factor(currency);
        var scaled = amount * factor;

        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException(
                $"The amount {amount} has more decimals than {currency} allows ({MinorDigits(currency)}).",
                nameof(amount));
        }

        if (scaled is > long.MaxValue or < long.MinValue)
        {
            throw new ArgumentException($"The amount {amount} {currency} is too large to store.", nameof(amount));
        }

        return (long)scaled;
    }

    /// <summary>Converts a line amount, rounding half away from zero to the currency's minor unit.</summary>
    public static long ToMinorUnitsRounded(decimal amount, string currency) =>
        (long)decimal.Round(amount * Factor(currency), 0, MidpointRounding.AwayFromZero);

    public static decimal FromMinorUnits(long minorUnits, string currency)
    {
        var digits = MinorDigits(currency);
        return decimal.Round(minorUnits / Factor(currency), digits);
    }

    private static decimal Factor(string currency) => MinorDigits(currency) switch
    {
        0 => 1m,
        3 => 1000m,
        _ => 100m,
    };
}
