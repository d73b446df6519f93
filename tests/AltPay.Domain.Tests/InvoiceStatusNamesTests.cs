using AltPay.Domain;

namespace AltPay.Domain.Tests;

public sealed class InvoiceStatusNamesTests
{
    [Theory]
    [InlineData(InvoiceStatus.Draft, "draft")]
    [InlineData(InvoiceStatus.Open, "open")]
    [InlineData(InvoiceStatus.PartiallyPaid, "partially_paid")]
    [InlineData(InvoiceStatus.Overdue, "overdue")]
    [InlineData(InvoiceStatus.Paid, "paid")]
    [InlineData(InvoiceStatus.Void, "void")]
    public void ToApiName_Status_ReturnsApiSpelling(InvoiceStatus status, string expected)
    {
        Assert.Equal(expected, status.ToApiName());
    }

    [Theory]
    [InlineData("partially_paid", InvoiceStatus.PartiallyPaid)]
    [InlineData("overdue", InvoiceStatus.Overdue)]
    public void TryParseApiName_KnownName_ReturnsStatus(string name, InvoiceStatus expected)
    {
        var parsed = InvoiceStatusNames.TryParseApiName(name, out var status);

        Assert.True(parsed);
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("PartiallyPaid")]
    [InlineData("PAID")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseApiName_UnknownName_ReturnsFalse(string? name)
    {
        Assert.False(InvoiceStatusNames.TryParseApiName(name, out _));
    }
}
