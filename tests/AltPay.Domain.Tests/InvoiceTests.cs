using System.Globalization;
using AltPay.Domain;

namespace AltPay.Domain.Tests;

public sealed class InvoiceTests
{
    private static readonly DateOnly DueDate = new(2026, 1, 31);
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(InvoiceStatus.Open, InvoiceStatus.Open)]
    [InlineData(InvoiceStatus.PartiallyPaid, InvoiceStatus.PartiallyPaid)]
    [InlineData(InvoiceStatus.Paid, InvoiceStatus.Paid)]
    [InlineData(InvoiceStatus.Void, InvoiceStatus.Void)]
    [InlineData(InvoiceStatus.Draft, InvoiceStatus.Draft)]
    public void StatusOn_BeforeDueDate_ReturnsStoredStatus(InvoiceStatus stored, InvoiceStatus expected)
    {
        var invoice = CreateInvoice(stored);

        Assert.Equal(expected, invoice.StatusOn(new DateOnly(2026, 1, 15)));
    }

    [Fact]
    public void StatusOn_OnDueDate_IsNotOverdue()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);

        Assert.Equal(InvoiceStatus.Open, invoice.StatusOn(DueDate));
    }

    [Theory]
    [InlineData(InvoiceStatus.Open, InvoiceStatus.Overdue)]
    [InlineData(InvoiceStatus.PartiallyPaid, InvoiceStatus.Overdue)]
    [InlineData(InvoiceStatus.Paid, InvoiceStatus.Paid)]
    [InlineData(InvoiceStatus.Void, InvoiceStatus.Void)]
    [InlineData(InvoiceStatus.Draft, InvoiceStatus.Draft)]
    public void StatusOn_PastDueDate_OverdueOnlyWhenUnsettled(InvoiceStatus stored, InvoiceStatus expected)
    {
        var invoice = CreateInvoice(stored);

        Assert.Equal(expected, invoice.StatusOn(new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void StatusOn_NoDueDate_NeverOverdue()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.DueDate = null;

        Assert.Equal(InvoiceStatus.Open, invoice.StatusOn(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void RecomputeStatus_NothingPaid_Open()
    {
        var invoice = CreateInvoice(InvoiceStatus.Draft);
        invoice.SuperOpsStatus = SuperOpsStatus.Approved;

        invoice.RecomputeStatus();

        Assert.Equal(InvoiceStatus.Open, invoice.Status);
    }

    [Fact]
    public void RecomputeStatus_PartlyPaid_PartiallyPaid()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsStatus = SuperOpsStatus.Approved;
        invoice.AltPayPaidMinor = 1;

        invoice.RecomputeStatus();

        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.Status);
    }

    [Fact]
    public void RecomputeStatus_PaidInFull_Paid()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsStatus = SuperOpsStatus.Approved;
        invoice.SuperOpsPaidMinor = 4000;
        invoice.AltPayPaidMinor = 6000;

        invoice.RecomputeStatus();

        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Theory]
    [InlineData(SuperOpsStatus.Void, InvoiceStatus.Void)]
    [InlineData(SuperOpsStatus.Draft, InvoiceStatus.Draft)]
    public void RecomputeStatus_SuperOpsStatus_Wins(SuperOpsStatus superOps, InvoiceStatus expected)
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsStatus = superOps;
        invoice.AltPayPaidMinor = 2500;

        invoice.RecomputeStatus();

        Assert.Equal(expected, invoice.Status);
    }

    [Fact]
    public void RecomputeStatus_PaidStatusWithOpenBalance_IsPartiallyPaid()
    {
        // A PAID that AltPay wrote back itself, whose AltPay payment was then refunded in part.
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsStatus = SuperOpsStatus.Paid;
        invoice.AltPayPaidMinor = 2500;

        invoice.RecomputeStatus();

        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.Status);
    }

    [Fact]
    public void OutstandingMinor_Overpaid_IsZero()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsPaidMinor = 6000;
        invoice.AltPayPaidMinor = 6000;

        Assert.Equal(0, invoice.OutstandingMinor);
        Assert.Equal(12000, invoice.AmountPaidMinor);
    }

    [Fact]
    public void OutstandingMinor_PaymentsAndCredits_SubtractsBoth()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsPaidMinor = 2500;
        invoice.AltPayPaidMinor = 1234;

        Assert.Equal(6266, invoice.OutstandingMinor);
    }

    [Fact]
    public void ApplyPayment_Series_SettlesExactly()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsStatus = SuperOpsStatus.Approved;
        invoice.TotalMinor = Money.ToMinorUnits(2557.68m, "USD");
        var settled = new List<bool>();
        var statuses = new List<InvoiceStatus>();

        foreach (var payment in new[] { "0.10", "0.20", "1000.00", "1557.38" })
        {
            settled.Add(invoice.ApplyPayment(Money.ToMinorUnits(decimal.Parse(payment, CultureInfo.InvariantCulture), "USD"), Now));
            statuses.Add(invoice.Status);
        }

        Assert.Equal(0, invoice.OutstandingMinor);
        Assert.Equal(255768, invoice.AltPayPaidMinor);
        Assert.Equal(255768, invoice.AmountPaidMinor);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal([false, false, false, true], settled);
        Assert.Equal([InvoiceStatus.PartiallyPaid, InvoiceStatus.PartiallyPaid, InvoiceStatus.PartiallyPaid, InvoiceStatus.Paid], statuses);
        Assert.True(invoice.PaidLocked);
        Assert.Equal(Now, invoice.UpdatedAt);
    }

    [Fact]
    public void ApplyPayment_PartOfBalance_NotLocked()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsStatus = SuperOpsStatus.Approved;

        var settled = invoice.ApplyPayment(9999, Now);

        Assert.False(settled);
        Assert.False(invoice.PaidLocked);
        Assert.Equal(1, invoice.OutstandingMinor);
        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.Status);
    }

    [Fact]
    public void ApplyPayment_SettlesAltPayInvoice_NotLocked()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.Source = RecordSource.AltPay;

        var settled = invoice.ApplyPayment(10000, Now);

        Assert.True(settled);
        Assert.False(invoice.PaidLocked);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Fact]
    public void ApplyPayment_AfterSuperOpsPayment_SettlesRemainder()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsStatus = SuperOpsStatus.Approved;
        invoice.SuperOpsPaidMinor = 2500;

        var settled = invoice.ApplyPayment(7500, Now);

        Assert.True(settled);
        Assert.Equal(0, invoice.OutstandingMinor);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(10001L)]
    public void ApplyPayment_OutOfRange_ThrowsAndChangesNothing(long amountMinor)
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => invoice.ApplyPayment(amountMinor, Now));

        Assert.Equal("amountMinor", exception.ParamName);
        Assert.Equal(0, invoice.AltPayPaidMinor);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
    }

    [Fact]
    public void ApplyRefund_FullRefund_ReopensAndUnlocks()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsStatus = SuperOpsStatus.Approved;
        invoice.ApplyPayment(10000, Now);

        invoice.ApplyRefund(10000, Now.AddDays(1));

        Assert.Equal(0, invoice.AltPayPaidMinor);
        Assert.Equal(10000, invoice.OutstandingMinor);
        Assert.False(invoice.PaidLocked);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal(Now.AddDays(1), invoice.UpdatedAt);
    }

    [Fact]
    public void ApplyRefund_OneOfTwoPayments_PartiallyPaid()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsStatus = SuperOpsStatus.Approved;
        invoice.ApplyPayment(4000, Now);
        invoice.ApplyPayment(6000, Now);

        invoice.ApplyRefund(6000, Now);

        Assert.Equal(6000, invoice.OutstandingMinor);
        Assert.False(invoice.PaidLocked);
        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.Status);
    }

    [Fact]
    public void ApplyRefund_MoreThanPaid_StopsAtZero()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsStatus = SuperOpsStatus.Approved;
        invoice.ApplyPayment(3000, Now);

        invoice.ApplyRefund(5000, Now);

        Assert.Equal(0, invoice.AltPayPaidMinor);
        Assert.Equal(10000, invoice.OutstandingMinor);
    }

    [Fact]
    public void EditDueDate_SuperOpsInvoice_MarksEdited()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);

        invoice.EditDueDate(new DateOnly(2026, 3, 15), Now);

        Assert.Equal(new DateOnly(2026, 3, 15), invoice.DueDate);
        Assert.True(invoice.DueDateEditedInAltPay);
        Assert.Equal(Now, invoice.UpdatedAt);
    }

    [Fact]
    public void EditDueDate_AltPayInvoice_NotMarkedEdited()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.Source = RecordSource.AltPay;

        invoice.EditDueDate(new DateOnly(2026, 3, 15), Now);

        Assert.Equal(new DateOnly(2026, 3, 15), invoice.DueDate);
        Assert.False(invoice.DueDateEditedInAltPay);
    }

    [Fact]
    public void ReplaceLinesFromAltPay_Lines_SetsPositionsAndTotal()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.SuperOpsStatus = SuperOpsStatus.Approved;
        InvoiceLine[] lines =
        [
            new() { Id = Guid.NewGuid(), Description = "Backup", Quantity = 3m, UnitPrice = 12.50m, AmountMinor = 3750 },
            new() { Id = Guid.NewGuid(), Description = "Support", Quantity = 1m, UnitPrice = 80m, AmountMinor = 8000 },
        ];

        invoice.ReplaceLinesFromAltPay(lines, Now);

        Assert.Equal(11750, invoice.TotalMinor);
        Assert.Equal([0, 1], invoice.Lines.Select(line => line.Position));
        Assert.All(invoice.Lines, line => Assert.Equal(invoice.Id, line.InvoiceId));
        Assert.All(invoice.Lines, line => Assert.Equal(invoice.PartnerId, line.PartnerId));
        Assert.True(invoice.LinesEditedInAltPay);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal(Now, invoice.UpdatedAt);
    }

    [Theory]
    [InlineData(InvoiceStatus.Open, false)]
    [InlineData(InvoiceStatus.PartiallyPaid, false)]
    [InlineData(InvoiceStatus.Paid, true)]
    [InlineData(InvoiceStatus.Void, true)]
    [InlineData(InvoiceStatus.Draft, true)]
    public void WhyNotEditable_Status_ReturnsReasonWhenLocked(InvoiceStatus status, bool hasReason)
    {
        var invoice = CreateInvoice(status);

        Assert.Equal(hasReason, invoice.WhyNotEditable() is not null);
    }

    [Fact]
    public void WhyNotEditable_Archived_ReturnsArchivedReason()
    {
        var invoice = CreateInvoice(InvoiceStatus.Open);
        invoice.ArchivedAt = Now;

        Assert.Equal("The invoice is archived because it was deleted in SuperOps.", invoice.WhyNotEditable());
    }

    private static Invoice CreateInvoice(InvoiceStatus status) => new()
    {
        Id = Guid.NewGuid(),
        PartnerId = Guid.NewGuid(),
        CustomerId = Guid.NewGuid(),
        Number = "INV-1001",
        Source = RecordSource.SuperOps,
        Currency = "USD",
        InvoiceDate = new DateOnly(2026, 1, 1),
        DueDate = DueDate,
        TotalMinor = 10000,
        Status = status,
    };
}
