using System.Globalization;
using AltPay.Domain;

namespace AltPay.Domain.Tests;

public sealed class MoneyTests
{
    public static TheoryData<string, string, long> ExactAmounts => new()
    {
        { "12.34", "USD", 1234 },
        { "0.01", "USD", 1 },
        { "-5.50", "USD", -550 },
        { "0", "USD", 0 },
        { "1234", "JPY", 1234 },
        { "1", "JPY", 1 },
        { "1.234", "KWD", 1234 },
        { "0.001", "KWD", 1 },
    };

    [Theory]
    [MemberData(nameof(ExactAmounts))]
    public void ToMinorUnits_ExactAmount_ReturnsMinorUnits(string amount, string currency, long expected)
    {
        var minor = Money.ToMinorUnits(Parse(amount), currency);

        Assert.Equal(expected, minor);
    }

    [Theory]
    [MemberData(nameof(ExactAmounts))]
    public void FromMinorUnits_MinorUnits_ReturnsAmount(string expected, string currency, long minor)
    {
        var amount = Money.FromMinorUnits(minor, currency);

        Assert.Equal(Parse(expected), amount);
    }

    [Theory]
    [MemberData(nameof(ExactAmounts))]
    public void ToMinorUnits_FromMinorUnits_RoundTrips(string amount, string currency, long minor)
    {
        var roundTripped = Money.ToMinorUnits(Money.FromMinorUnits(minor, currency), currency);

        Assert.Equal(minor, roundTripped);
        Assert.Equal(Parse(amount), Money.FromMinorUnits(Money.ToMinorUnits(Parse(amount), currency), currency));
    }

    [Fact]
    public void ToMinorUnits_TrailingZerosBeyondMinorUnit_Accepted()
    {
        var minor = Money.ToMinorUnits(12.3400m, "USD");

        Assert.Equal(1234, minor);
    }

    [Theory]
    [InlineData("12.345", "USD")]
    [InlineData("0.001", "USD")]
    [InlineData("1.5", "JPY")]
    [InlineData("1.2345", "KWD")]
    public void ToMinorUnits_MoreDecimalsThanCurrency_Throws(string amount, string currency)
    {
        var exception = Assert.Throws<ArgumentException>(() => Money.ToMinorUnits(Parse(amount), currency));

        Assert.Equal("amount", exception.ParamName);
    }

    [Theory]
    [InlineData("0.125", "USD", 13)]
    [InlineData("-0.125", "USD", -13)]
    [InlineData("0.145", "USD", 15)]
    [InlineData("0.124", "USD", 12)]
    [InlineData("2.5", "JPY", 3)]
    [InlineData("-2.5", "JPY", -3)]
    [InlineData("1.2345", "KWD", 1235)]
    [InlineData("12.34", "USD", 1234)]
    public void ToMinorUnitsRounded_Midpoint_RoundsHalfAwayFromZero(string amount, string currency, long expected)
    {
        var minor = Money.ToMinorUnitsRounded(Parse(amount), currency);

        Assert.Equal(expected, minor);
    }

    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    public void MinorDigits_Currency_ReturnsIso4217Digits(string currency, int expected)
    {
        Assert.Equal(expected, Money.MinorDigits(currency));
    }

    [Theory]
    [InlineData("USD", true)]
    [InlineData("JPY", true)]
    [InlineData("usd", false)]
    [InlineData("US", false)]
    [InlineData("USDX", false)]
    [InlineData("U1D", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsCurrencyCode_Input_ReturnsWhetherThreeUpperCaseLetters(string? code, bool expected)
    {
        Assert.Equal(expected, Money.IsCurrencyCode(code));
    }

    private static decimal Parse(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture);
}
