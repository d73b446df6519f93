using AltPay.Domain;

namespace AltPay.Domain.Tests;

public sealed class ContentHashTests
{
    [Fact]
    public void Of_EqualInputs_ReturnsEqualHashes()
    {
        var first = ContentHash.Of("5001", "INV-1001", null, "100.00");
        var second = ContentHash.Of("5001", "INV-1001", null, "100.00");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Of_DifferentInputs_ReturnsDifferentHashes()
    {
        Assert.NotEqual(ContentHash.Of("5001", "100.00"), ContentHash.Of("5001", "100.01"));
    }

    [Fact]
    public void Of_SameCharactersSplitDifferently_ReturnsDifferentHashes()
    {
        Assert.NotEqual(ContentHash.Of("ab", "c"), ContentHash.Of("a", "bc"));
    }

    [Fact]
    public void Of_NullAndEmpty_ReturnsDifferentHashes()
    {
        Assert.NotEqual(ContentHash.Of((string?)null), ContentHash.Of(""));
    }

    [Fact]
    public void Of_PartOrder_ChangesHash()
    {
        Assert.NotEqual(ContentHash.Of("a", "b"), ContentHash.Of("b", "a"));
    }

    [Fact]
    public void Of_AnyInput_ReturnsThirtyTwoUpperHexDigits()
    {
        var hash = ContentHash.Of("5001");

        Assert.Matches("^[0-9A-F]{32}$", hash);
    }
}
