using AltPay.Domain;

namespace AltPay.Domain.Tests;

// Kept out of the commits until an amount beyond the range of long is rejected like any other invalid amount.
public sealed class MoneyOverflowTests
{
    [Theory]
    [InlineData("USD")]
    [InlineData("JPY")]
    public void ToMinorUnits_BeyondLongRange_ThrowsArgumentException(string currency)
    {
        var exception = Assert.Throws<ArgumentException>(() => Money.ToMinorUnits(100_000_000_000_000_000_000m, currency));

        Assert.Equal("amount", exception.ParamName);
    }
}
