namespace AltPay.Domain.Tests;

public sealed class RowIdTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 22, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public void New_Any_IsVersion7()
    {
        Assert.Equal(7, RowId.New(At).Version);
    }

    [Fact]
    public void New_Any_HasRfcVariant()
    {
        Assert.Equal(0b10, RowId.New(At).Variant >> 2);
    }

    [Fact]
    public void New_Any_StartsWithTheTimeInMilliseconds()
    {
        var text = RowId.New(At).ToString("N");

        Assert.Equal(At.ToUnixTimeMilliseconds().ToString("x12"), text[..12]);
    }

    [Fact]
    public void New_Any_MatchesGuidVersion7Prefix()
    {
        Assert.Equal(Guid.CreateVersion7(At).ToString("N")[..12], RowId.New(At).ToString("N")[..12]);
    }

    [Fact]
    public void New_LaterMillisecond_SortsAfterAsStoredText()
    {
        var earlier = RowId.New(At).ToString().ToUpperInvariant();
        var later = RowId.New(At.AddMilliseconds(1)).ToString().ToUpperInvariant();

        Assert.True(string.CompareOrdinal(earlier, later) < 0, $"{earlier} should sort before {later}.");
    }

    [Fact]
    public void New_ManyAtOneTime_AreDistinct()
    {
        var ids = Enumerable.Range(0, 100_000).Select(_ => RowId.New(At)).ToHashSet();

        Assert.Equal(100_000, ids.Count);
    }

    [Fact]
    public void New_BeforeUnixEpoch_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RowId.New(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)));
    }
}
