using AltPay.Domain;

namespace AltPay.Domain.Tests;

public sealed class InvoiceInboundRulesTests
{
    private static readonly Guid PartnerId = Guid.Parse("6f1d2c3b-4a59-4e68-8f7a-0b1c2d3e4f50");
    private static readonly Guid CustomerId = Guid.Parse("a1b2c3d4-e5f6-4789-9abc-def012345678");
    private static readonly DateTimeOffset ImportedAt = new(2026, 1, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RefreshedAt = new(2026, 1, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EditedAt = new(2026, 1, 2, 8, 30, 0, TimeSpan.Zero);

    private static readonly InboundInvoice Approved = new(
        ExternalId: "5001",
        Number: "INV-1001",
        CustomerExternalId: "9001",
        InvoiceDate: new DateOnly(2026, 1, 1),
        DueDate: new DateOnly(2026, 1, 31),
        Status: SuperOpsStatus.Approved,
        TotalMinor: 10000,
        PaymentsMinor: 0);

    private static readonly InboundLine[] SuperOpsLines =
    [
        new("7001", "Managed services", 1m, 80m, 8000),
        new("7002", "Backup", 2m, 10m, 2000),
    ];

    [Theory]
    [InlineData(SuperOpsStatus.Draft, false)]
    [InlineData(SuperOpsStatus.Approved, true)]
    [InlineData(SuperOpsStatus.Paid, true)]
    [InlineData(SuperOpsStatus.Void, true)]
    public void ShouldImport_Status_FalseOnlyForDrafts(SuperOpsStatus status, bool expected)
    {
        Assert.Equal(expected, InvoiceInboundRules.ShouldImport(Approved with { Status = status }));
    }

    [Fact]
    public void CreateFromSuperOps_Approved_SetsEveryField()
    {
        var invoice = InvoiceInboundRules.CreateFromSuperOps(PartnerId, CustomerId, "USD", Approved with { PaymentsMinor = 2500 }, ImportedAt);

        Assert.NotEqual(Guid.Empty, invoice.Id);
        Assert.Equal(PartnerId, invoice.PartnerId);
        Assert.Equal(CustomerId, invoice.CustomerId);
        Assert.Equal("INV-1001", invoice.Number);
        Assert.Equal(RecordSource.SuperOps, invoice.Source);
        Assert.Equal("5001", invoice.ExternalId);
        Assert.Equal("USD", invoice.Currency);
        Assert.Equal(new DateOnly(2026, 1, 1), invoice.InvoiceDate);
        Assert.Equal(new DateOnly(2026, 1, 31), invoice.DueDate);
        Assert.Equal(10000, invoice.TotalMinor);
        Assert.Equal(2500, invoice.SuperOpsPaidMinor);
        Assert.Equal(0, invoice.AltPayPaidMinor);
        Assert.Equal(7500, invoice.OutstandingMinor);
        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.Status);
        Assert.False(invoice.PaidLocked);
        Assert.Equal("9001", invoice.SuperOpsCustomerId);
        Assert.Equal(new DateOnly(2026, 1, 31), invoice.SuperOpsDueDate);
        Assert.Equal(10000, invoice.SuperOpsTotalMinor);
        Assert.Equal(2500, invoice.SuperOpsPaymentsMinor);
        Assert.Equal(SuperOpsStatus.Approved, invoice.SuperOpsStatus);
        Assert.Null(invoice.SuperOpsLinesHash);
        Assert.False(invoice.DueDateEditedInAltPay);
        Assert.False(invoice.LinesEditedInAltPay);
        Assert.Equal(WriteBackStatus.None, invoice.WriteBackStatus);
        Assert.Equal(ImportedAt, invoice.CreatedAt);
        Assert.Equal(ImportedAt, invoice.UpdatedAt);
        Assert.Empty(invoice.Lines);
        Assert.False(invoice.IsArchived);
    }

    [Fact]
    public void CreateFromSuperOps_NoDueDate_LeavesDueDateEmpty()
    {
        var invoice = InvoiceInboundRules.CreateFromSuperOps(PartnerId, CustomerId, "USD", Approved with { DueDate = null }, ImportedAt);

        Assert.Null(invoice.DueDate);
        Assert.Null(invoice.SuperOpsDueDate);
    }

    [Fact]
    public void ApplyHeader_Unchanged_AppliesNothing()
    {
        var invoice = Import(Approved);

        var result = InvoiceInboundRules.ApplyHeader(invoice, Approved, CustomerId, RefreshedAt);

        Assert.Empty(result.Applied);
        Assert.Empty(result.Ignored);
        Assert.False(result.Changed);
        Assert.Equal(ImportedAt, invoice.UpdatedAt);
    }

    [Fact]
    public void ApplyHeader_AmountChangedOnUnpaid_FlowsIn()
    {
        var invoice = Import(Approved);

        var result = InvoiceInboundRules.ApplyHeader(invoice, Approved with { TotalMinor = 15000 }, CustomerId, RefreshedAt);

        Assert.Equal(new FieldChange(InvoiceInboundRules.FieldAmount, "100.00", "150.00"), Assert.Single(result.Applied));
        Assert.Empty(result.Ignored);
        Assert.Equal(15000, invoice.TotalMinor);
        Assert.Equal(15000, invoice.SuperOpsTotalMinor);
        Assert.Equal(15000, invoice.OutstandingMinor);
        Assert.Equal(RefreshedAt, invoice.UpdatedAt);
    }

    [Fact]
    public void ApplyHeader_DueDateChangedOnUnpaid_FlowsIn()
    {
        var invoice = Import(Approved);

        var result = InvoiceInboundRules.ApplyHeader(invoice, Approved with { DueDate = new DateOnly(2026, 2, 28) }, CustomerId, RefreshedAt);

        Assert.Equal(new FieldChange(InvoiceInboundRules.FieldDueDate, "2026-01-31", "2026-02-28"), Assert.Single(result.Applied));
        Assert.Equal(new DateOnly(2026, 2, 28), invoice.DueDate);
        Assert.Equal(new DateOnly(2026, 2, 28), invoice.SuperOpsDueDate);
    }

    [Fact]
    public void ApplyHeader_AmountAndDueDateChanged_ListsBoth()
    {
        var invoice = Import(Approved);
        var inbound = Approved with { TotalMinor = 12345, DueDate = new DateOnly(2026, 2, 15) };

        var result = InvoiceInboundRules.ApplyHeader(invoice, inbound, CustomerId, RefreshedAt);

        Assert.Equal(
            [
                new FieldChange(InvoiceInboundRules.FieldDueDate, "2026-01-31", "2026-02-15"),
                new FieldChange(InvoiceInboundRules.FieldAmount, "100.00", "123.45"),
            ],
            result.Applied);
    }

    [Fact]
    public void ApplyHeader_NumberCustomerAndInvoiceDateChanged_FlowIn()
    {
        var invoice = Import(Approved);
        var otherCustomerId = Guid.NewGuid();
        var inbound = Approved with { Number = "INV-1001A", CustomerExternalId = "9002", InvoiceDate = new DateOnly(2026, 1, 3) };

        var result = InvoiceInboundRules.ApplyHeader(invoice, inbound, otherCustomerId, RefreshedAt);

        Assert.Equal(
            [
                new FieldChange(InvoiceInboundRules.FieldNumber, "INV-1001", "INV-1001A"),
                new FieldChange(InvoiceInboundRules.FieldCustomer, "9001", "9002"),
                new FieldChange(InvoiceInboundRules.FieldInvoiceDate, "2026-01-01", "2026-01-03"),
            ],
            result.Applied);
        Assert.Equal("INV-1001A", invoice.Number);
        Assert.Equal(otherCustomerId, invoice.CustomerId);
        Assert.Equal("9002", invoice.SuperOpsCustomerId);
        Assert.Equal(new DateOnly(2026, 1, 3), invoice.InvoiceDate);
    }

    [Fact]
    public void ApplyHeader_SuperOpsPartialPayment_ReducesOutstanding()
    {
        var invoice = Import(Approved);

        var result = InvoiceInboundRules.ApplyHeader(invoice, Approved with { PaymentsMinor = 2501 }, CustomerId, RefreshedAt);

        Assert.Equal(new FieldChange(InvoiceInboundRules.FieldAmountPaid, "0.00", "25.01"), Assert.Single(result.Applied));
        Assert.Equal(2501, invoice.SuperOpsPaidMinor);
        Assert.Equal(7499, invoice.OutstandingMinor);
        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.Status);
    }

    [Fact]
    public void ApplyHeader_PaymentsThenCredit_ReduceOutstandingExactly()
    {
        var invoice = Import(Approved);

        InvoiceInboundRules.ApplyHeader(invoice, Approved with { PaymentsMinor = 3333 }, CustomerId, RefreshedAt);
        InvoiceInboundRules.ApplyHeader(invoice, Approved with { PaymentsMinor = 3333 + 1667 }, CustomerId, RefreshedAt.AddHours(1));

        Assert.Equal(5000, invoice.SuperOpsPaidMinor);
        Assert.Equal(5000, invoice.OutstandingMinor);
        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.Status);
    }

    [Fact]
    public void ApplyHeader_SuperOpsPaymentsPlusAltPayPayment_BothCount()
    {
        var invoice = Import(Approved);
        invoice.AltPayPaidMinor = 1000;

        InvoiceInboundRules.ApplyHeader(invoice, Approved with { PaymentsMinor = 2500 }, CustomerId, RefreshedAt);

        Assert.Equal(3500, invoice.AmountPaidMinor);
        Assert.Equal(6500, invoice.OutstandingMinor);
    }

    [Fact]
    public void ApplyHeader_PaymentsCoverTotal_Paid()
    {
        var invoice = Import(Approved);

        InvoiceInboundRules.ApplyHeader(invoice, Approved with { PaymentsMinor = 10000 }, CustomerId, RefreshedAt);

        Assert.Equal(0, invoice.OutstandingMinor);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Fact]
    public void ApplyHeader_Paid_FlowsIn()
    {
        var invoice = Import(Approved);

        var result = InvoiceInboundRules.ApplyHeader(invoice, Approved with { Status = SuperOpsStatus.Paid, PaymentsMinor = 10000 }, CustomerId, RefreshedAt);

        Assert.Contains(new FieldChange(InvoiceInboundRules.FieldStatus, "APPROVED", "PAID"), result.Applied);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(0, invoice.OutstandingMinor);
        Assert.Equal(10000, invoice.AmountPaidMinor);
    }

    [Fact]
    public void ApplyHeader_Void_FlowsIn()
    {
        var invoice = Import(Approved);

        var result = InvoiceInboundRules.ApplyHeader(invoice, Approved with { Status = SuperOpsStatus.Void }, CustomerId, RefreshedAt);

        Assert.Equal(new FieldChange(InvoiceInboundRules.FieldStatus, "APPROVED", "VOID"), Assert.Single(result.Applied));
        Assert.Equal(InvoiceStatus.Void, invoice.Status);
        Assert.Equal(InvoiceStatus.Void, invoice.StatusOn(new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void ApplyHeader_StatusOnlyPaid_OutstandingZero()
    {
        var invoice = Import(Approved with { PaymentsMinor = null });

        var result = InvoiceInboundRules.ApplyHeader(invoice, Approved with { Status = SuperOpsStatus.Paid, PaymentsMinor = null }, CustomerId, RefreshedAt);

        Assert.Equal(new FieldChange(InvoiceInboundRules.FieldStatus, "APPROVED", "PAID"), Assert.Single(result.Applied));
        Assert.Equal(10000, invoice.SuperOpsPaidMinor);
        Assert.Equal(0, invoice.OutstandingMinor);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Fact]
    public void ApplyHeader_PaidReopened_OutstandingRestored()
    {
        var invoice = Import(Approved with { Status = SuperOpsStatus.Paid, PaymentsMinor = null });

        InvoiceInboundRules.ApplyHeader(invoice, Approved with { PaymentsMinor = null }, CustomerId, RefreshedAt);

        Assert.Equal(10000, invoice.OutstandingMinor);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
    }

    [Fact]
    public void ApplyHeader_PaidAfterAltPayPart_SettlesAtTotal()
    {
        var invoice = Import(Approved);
        invoice.AltPayPaidMinor = 4000;
        invoice.RecomputeStatus();

        InvoiceInboundRules.ApplyHeader(invoice, Approved with { Status = SuperOpsStatus.Paid, PaymentsMinor = 10000 }, CustomerId, RefreshedAt);

        Assert.Equal(0, invoice.OutstandingMinor);
        Assert.Equal(10000, invoice.AmountPaidMinor);
        Assert.Equal(6000, invoice.SuperOpsPaidMinor);
        Assert.Equal(4000, invoice.AltPayPaidMinor);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Fact]
    public void ApplyHeader_StatusOnlyPaidAfterAltPayPart_SettlesAtTotal()
    {
        var invoice = Import(Approved with { PaymentsMinor = null });
        invoice.AltPayPaidMinor = 4000;
        invoice.RecomputeStatus();

        InvoiceInboundRules.ApplyHeader(invoice, Approved with { Status = SuperOpsStatus.Paid, PaymentsMinor = null }, CustomerId, RefreshedAt);

        Assert.Equal(0, invoice.OutstandingMinor);
        Assert.Equal(10000, invoice.AmountPaidMinor);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Fact]
    public void ApplyHeader_EditedDueDateSuperOpsSame_KeepsEdit()
    {
        var invoice = Import(Approved);
        invoice.EditDueDate(new DateOnly(2026, 3, 15), EditedAt);

        var result = InvoiceInboundRules.ApplyHeader(invoice, Approved, CustomerId, RefreshedAt);

        Assert.Empty(result.Applied);
        Assert.Equal(new DateOnly(2026, 3, 15), invoice.DueDate);
        Assert.True(invoice.DueDateEditedInAltPay);
        Assert.Equal(new DateOnly(2026, 1, 31), invoice.SuperOpsDueDate);
    }

    [Fact]
    public void ApplyHeader_EditedDueDateOtherFieldChanged_KeepsEdit()
    {
        var invoice = Import(Approved);
        invoice.EditDueDate(new DateOnly(2026, 3, 15), EditedAt);

        InvoiceInboundRules.ApplyHeader(invoice, Approved with { TotalMinor = 11000 }, CustomerId, RefreshedAt);

        Assert.Equal(new DateOnly(2026, 3, 15), invoice.DueDate);
        Assert.Equal(11000, invoice.TotalMinor);
    }

    [Fact]
    public void ApplyHeader_EditedDueDateSuperOpsChanged_TakesSuperOps()
    {
        var invoice = Import(Approved);
        invoice.EditDueDate(new DateOnly(2026, 3, 15), EditedAt);

        var result = InvoiceInboundRules.ApplyHeader(invoice, Approved with { DueDate = new DateOnly(2026, 2, 28) }, CustomerId, RefreshedAt);

        Assert.Equal(new FieldChange(InvoiceInboundRules.FieldDueDate, "2026-03-15", "2026-02-28"), Assert.Single(result.Applied));
        Assert.Equal(new DateOnly(2026, 2, 28), invoice.DueDate);
        Assert.False(invoice.DueDateEditedInAltPay);
    }

    [Fact]
    public void ApplyLines_FirstImport_SetsLinesInOrder()
    {
        var invoice = Import(Approved);

        var result = InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", RefreshedAt);

        Assert.Equal(new FieldChange(InvoiceInboundRules.FieldLines, "0 lines, 0.00", "2 lines, 100.00"), Assert.Single(result.Applied));
        Assert.Equal(["7001", "7002"], invoice.Lines.Select(line => line.ExternalId));
        Assert.Equal([0, 1], invoice.Lines.Select(line => line.Position));
        Assert.Equal([8000L, 2000L], invoice.Lines.Select(line => line.AmountMinor));
        Assert.Equal([1m, 2m], invoice.Lines.Select(line => line.Quantity));
        Assert.Equal([80m, 10m], invoice.Lines.Select(line => line.UnitPrice));
        Assert.Equal(["Managed services", "Backup"], invoice.Lines.Select(line => line.Description));
        Assert.All(invoice.Lines, line => Assert.Equal(invoice.Id, line.InvoiceId));
        Assert.All(invoice.Lines, line => Assert.Equal(PartnerId, line.PartnerId));
        Assert.All(invoice.Lines, line => Assert.NotEqual(Guid.Empty, line.Id));
        Assert.Equal("hash-1", invoice.SuperOpsLinesHash);
        Assert.Equal(RefreshedAt, invoice.UpdatedAt);
    }

    [Fact]
    public void ApplyLines_SameHash_AppliesNothing()
    {
        var invoice = Import(Approved);
        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", ImportedAt);

        var result = InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", RefreshedAt);

        Assert.Empty(result.Applied);
        Assert.Equal(ImportedAt, invoice.UpdatedAt);
    }

    [Fact]
    public void ApplyLines_EditedLinesSameHash_KeepsEdit()
    {
        var invoice = Import(Approved);
        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", ImportedAt);
        invoice.ReplaceLinesFromAltPay([AltPayLine("Consulting", 12000)], EditedAt);

        var headerResult = InvoiceInboundRules.ApplyHeader(invoice, Approved, CustomerId, RefreshedAt);
        var linesResult = InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", RefreshedAt);

        Assert.Empty(headerResult.Applied);
        Assert.Empty(linesResult.Applied);
        Assert.Equal(["Consulting"], invoice.Lines.Select(line => line.Description));
        Assert.Equal(12000, invoice.TotalMinor);
        Assert.True(invoice.LinesEditedInAltPay);
    }

    [Fact]
    public void ApplyLines_EditedLinesHashChanged_TakesSuperOps()
    {
        var invoice = Import(Approved);
        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", ImportedAt);
        invoice.ReplaceLinesFromAltPay([AltPayLine("Consulting", 12000)], EditedAt);
        InboundLine[] changed = [new("7001", "Managed services", 1m, 80m, 8000), new("7003", "Licences", 4m, 5m, 2000)];

        var result = InvoiceInboundRules.ApplyLines(invoice, changed, "hash-2", RefreshedAt);

        Assert.Equal(new FieldChange(InvoiceInboundRules.FieldLines, "1 line, 120.00", "2 lines, 100.00"), Assert.Single(result.Applied));
        Assert.Equal(["7001", "7003"], invoice.Lines.Select(line => line.ExternalId));
        Assert.Equal("hash-2", invoice.SuperOpsLinesHash);
        Assert.False(invoice.LinesEditedInAltPay);
    }

    [Fact]
    public void ApplyLines_EditedLinesAmountChanged_TakesSuperOpsTotal()
    {
        var invoice = Import(Approved);
        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", ImportedAt);
        invoice.ReplaceLinesFromAltPay([AltPayLine("Consulting", 12000)], EditedAt);

        InvoiceInboundRules.ApplyHeader(invoice, Approved with { TotalMinor = 9000 }, CustomerId, RefreshedAt);
        InvoiceInboundRules.ApplyLines(invoice, [new("7001", "Managed services", 1m, 90m, 9000)], "hash-2", RefreshedAt);

        Assert.Equal(9000, invoice.TotalMinor);
        Assert.Equal([9000L], invoice.Lines.Select(line => line.AmountMinor));
    }

    [Fact]
    public void ApplyHeader_PaidLocked_ChangesNothingAndListsEveryField()
    {
        var invoice = Import(Approved);
        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", ImportedAt);
        PayInAltPay(invoice);
        var inbound = Approved with
        {
            DueDate = new DateOnly(2026, 2, 28),
            TotalMinor = 12500,
            Status = SuperOpsStatus.Void,
            PaymentsMinor = 500,
        };

        var result = InvoiceInboundRules.ApplyHeader(invoice, inbound, CustomerId, RefreshedAt);

        Assert.Empty(result.Applied);
        Assert.Equal(
            [
                new FieldChange(InvoiceInboundRules.FieldDueDate, "2026-01-31", "2026-02-28"),
                new FieldChange(InvoiceInboundRules.FieldAmount, "100.00", "125.00"),
                new FieldChange(InvoiceInboundRules.FieldStatus, "APPROVED", "VOID"),
                new FieldChange(InvoiceInboundRules.FieldAmountPaid, "0.00", "5.00"),
            ],
            result.Ignored);
        Assert.Equal(new DateOnly(2026, 1, 31), invoice.DueDate);
        Assert.Equal(10000, invoice.TotalMinor);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(0, invoice.SuperOpsPaidMinor);
        Assert.Equal(0, invoice.OutstandingMinor);
        Assert.Equal(SuperOpsStatus.Approved, invoice.SuperOpsStatus);
        Assert.Equal(10000, invoice.SuperOpsTotalMinor);
        Assert.Equal(new DateOnly(2026, 1, 31), invoice.SuperOpsDueDate);
        Assert.Equal(0, invoice.SuperOpsPaymentsMinor);
        Assert.Equal(ImportedAt, invoice.UpdatedAt);
    }

    [Fact]
    public void ApplyLines_PaidLocked_KeepsLinesAndListsThem()
    {
        var invoice = Import(Approved);
        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", ImportedAt);
        PayInAltPay(invoice);

        var result = InvoiceInboundRules.ApplyLines(invoice, [new("7001", "Managed services", 1m, 125m, 12500)], "hash-2", RefreshedAt);

        Assert.Empty(result.Applied);
        Assert.Equal(new FieldChange(InvoiceInboundRules.FieldLines, "2 lines, 100.00", "1 line, 125.00"), Assert.Single(result.Ignored));
        Assert.Equal(["7001", "7002"], invoice.Lines.Select(line => line.ExternalId));
        Assert.Equal("hash-1", invoice.SuperOpsLinesHash);
        Assert.Equal(ImportedAt, invoice.UpdatedAt);
    }

    [Fact]
    public void ApplyHeader_PaidLockedUnchanged_ListsNothing()
    {
        var invoice = Import(Approved);
        PayInAltPay(invoice);

        var result = InvoiceInboundRules.ApplyHeader(invoice, Approved, CustomerId, RefreshedAt);

        Assert.Empty(result.Applied);
        Assert.Empty(result.Ignored);
    }

    [Fact]
    public void ApplyHeader_KuwaitiDinarAmount_FormatsThreeDecimals()
    {
        var invoice = InvoiceInboundRules.CreateFromSuperOps(PartnerId, CustomerId, "KWD", Approved, ImportedAt);

        var result = InvoiceInboundRules.ApplyHeader(invoice, Approved with { TotalMinor = 10005 }, CustomerId, RefreshedAt);

        Assert.Equal(new FieldChange(InvoiceInboundRules.FieldAmount, "10.00", "10.005"), Assert.Single(result.Applied));
    }

    [Fact]
    public void ApplyLines_FirstLinesPaid_SetsLines()
    {
        var invoice = Import(Approved);
        PayInAltPay(invoice);

        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", RefreshedAt);

        Assert.Equal(["7001", "7002"], invoice.Lines.Select(line => line.ExternalId));
    }

    [Fact]
    public void ApplyLines_FirstLinesPaid_NoConflict()
    {
        var invoice = Import(Approved);
        PayInAltPay(invoice);

        var result = InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", RefreshedAt);

        Assert.Empty(result.Ignored);
    }

    [Fact]
    public void ApplyLines_FirstLinesEdited_KeepsEdit()
    {
        var invoice = Import(Approved);
        invoice.ReplaceLinesFromAltPay([AltPayLine("Edited in AltPay", 30000)], EditedAt);

        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", RefreshedAt);

        Assert.Equal(["Edited in AltPay"], invoice.Lines.Select(line => line.Description));
    }

    [Fact]
    public void ApplyLines_FirstLinesEdited_KeepsTotal()
    {
        var invoice = Import(Approved);
        invoice.ReplaceLinesFromAltPay([AltPayLine("Edited in AltPay", 30000)], EditedAt);

        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", RefreshedAt);

        Assert.Equal(30000, invoice.TotalMinor);
    }

    [Fact]
    public void ApplyLines_FirstLinesEdited_LaterChangeWins()
    {
        var invoice = Import(Approved);
        invoice.ReplaceLinesFromAltPay([AltPayLine("Edited in AltPay", 30000)], EditedAt);
        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", RefreshedAt);

        InvoiceInboundRules.ApplyLines(invoice, [new("7001", "Managed services", 1m, 90m, 9000)], "hash-2", RefreshedAt.AddHours(1));

        Assert.Equal(["7001"], invoice.Lines.Select(line => line.ExternalId));
    }

    [Fact]
    public void ApplyLines_FirstLinesRepriced_TakesSuperOps()
    {
        var invoice = Import(Approved);
        invoice.ReplaceLinesFromAltPay([AltPayLine("Edited in AltPay", 30000)], EditedAt);
        InvoiceInboundRules.ApplyHeader(invoice, Approved with { TotalMinor = 33300 }, CustomerId, RefreshedAt);

        InvoiceInboundRules.ApplyLines(invoice, [new("7003", "Project work", 1m, 333m, 33300)], "hash-1", RefreshedAt);

        Assert.Equal((33300L, 33300L), (invoice.TotalMinor, invoice.Lines.Sum(line => line.AmountMinor)));
    }

    [Fact]
    public void ApplyLines_FirstLinesHeld_KeepsNoLines()
    {
        var invoice = Import(Approved);
        PayInAltPay(invoice);

        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", RefreshedAt, headerCurrent: false);

        Assert.Empty(invoice.Lines);
    }

    [Fact]
    public void ApplyLines_FirstLinesHeld_ListsConflict()
    {
        var invoice = Import(Approved);
        PayInAltPay(invoice);

        var result = InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", RefreshedAt, headerCurrent: false);

        Assert.Equal(InvoiceInboundRules.FieldLines, Assert.Single(result.Ignored).Field);
    }

    [Fact]
    public void LinesOfImported_Lines_EqualApplyLines()
    {
        var invoice = Import(Approved);
        InvoiceInboundRules.ApplyLines(invoice, SuperOpsLines, "hash-1", ImportedAt);

        var lines = InvoiceInboundRules.LinesOfImported(PartnerId, invoice.Id, SuperOpsLines, ImportedAt);

        Assert.Equal(invoice.Lines.Select(Describe), lines.Select(Describe));
    }

    [Fact]
    public void LinesOfImported_Lines_BelongToTheInvoice()
    {
        var invoiceId = Guid.NewGuid();

        var lines = InvoiceInboundRules.LinesOfImported(PartnerId, invoiceId, SuperOpsLines, ImportedAt);

        Assert.All(lines, line => Assert.Equal((PartnerId, invoiceId), (line.PartnerId, line.InvoiceId)));
    }

    [Fact]
    public void CreateFromSuperOps_Header_EqualsApplyHeader()
    {
        var created = Import(Approved);
        var applied = new Invoice { Id = created.Id, PartnerId = PartnerId, Number = "", Currency = "USD", Source = RecordSource.SuperOps, ExternalId = "5001", CreatedAt = ImportedAt };
        InvoiceInboundRules.ApplyHeader(applied, Approved, CustomerId, ImportedAt);

        Assert.Equal(Describe(applied), Describe(created));
    }

    private static string Describe(InvoiceLine line) =>
        $"{line.Position}:{line.ExternalId}:{line.Description}:{line.Quantity}:{line.UnitPrice}:{line.AmountMinor}";

    // Every stored field except the generated ids, so two ways of building an invoice compare whole.
    private static string Describe(Invoice invoice) => string.Join("|",
        invoice.Number, invoice.CustomerId, invoice.SuperOpsCustomerId, invoice.InvoiceDate, invoice.DueDate, invoice.SuperOpsDueDate,
        invoice.TotalMinor, invoice.SuperOpsTotalMinor, invoice.SuperOpsPaidMinor, invoice.SuperOpsPaymentsMinor, invoice.Status,
        invoice.SuperOpsStatus, invoice.SuperOpsLinesHash, invoice.LinesEditedInAltPay, invoice.DueDateEditedInAltPay,
        invoice.CreatedAt, invoice.UpdatedAt,
        string.Join(";", invoice.Lines.Select(Describe)));

    private static Invoice Import(InboundInvoice inbound) =>
        InvoiceInboundRules.CreateFromSuperOps(PartnerId, CustomerId, "USD", inbound, ImportedAt);

    private static InvoiceLine AltPayLine(string description, long amountMinor) => new()
    {
        Id = Guid.NewGuid(),
        Description = description,
        Quantity = 1m,
        UnitPrice = amountMinor / 100m,
        AmountMinor = amountMinor,
    };

    // What taking a full payment in AltPay leaves on the invoice: the paid-lock set and the balance cleared.
    private static void PayInAltPay(Invoice invoice)
    {
        invoice.AltPayPaidMinor = invoice.TotalMinor;
        invoice.PaidLocked = true;
        invoice.RecomputeStatus();
    }
}
