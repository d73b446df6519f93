using AltPay.Domain;

namespace AltPay.Domain.Tests;

public sealed class WriteBackReferenceTests
{
    [Fact]
    public void For_OnePayment_NamesIt()
    {
        var paymentId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var reference = WriteBackReference.For([paymentId]);

        Assert.Equal("AltPay payment 0f8fad5bd9cb469fa16570867728950e", reference);
    }

    [Fact]
    public void For_SevenPayments_NamesAll()
    {
        var paymentIds = PaymentIds(7);

        var reference = WriteBackReference.For(paymentIds);

        Assert.Equal("AltPay payment " + string.Join(", ", paymentIds.Select(id => id.ToString("N"))), reference);
        Assert.Equal(251, reference.Length);
    }

    [Fact]
    public void For_EightPayments_NamesFirstSixAndCountsRest()
    {
        var paymentIds = PaymentIds(8);

        var reference = WriteBackReference.For(paymentIds);

        Assert.Equal("AltPay payment " + string.Join(", ", paymentIds.Take(6).Select(id => id.ToString("N"))) + " and 2 more", reference);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(50)]
    [InlineData(1000)]
    public void For_ManyPayments_FitsSuperOpsLimit(int count)
    {
        var reference = WriteBackReference.For(PaymentIds(count));

        Assert.True(reference.Length <= WriteBackReference.MaxLength, $"{reference.Length} characters");
        Assert.EndsWith($" and {count - 6} more", reference);
    }

    [Fact]
    public void For_NoPayments_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => WriteBackReference.For([]));

        Assert.Equal("paymentIds", exception.ParamName);
    }

    private static List<Guid> PaymentIds(int count) =>
        Enumerable.Range(1, count).Select(index => new Guid(index, 0, 0, new byte[8])).ToList();
}
