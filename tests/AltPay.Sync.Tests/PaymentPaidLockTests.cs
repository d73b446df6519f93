using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Sync.Tests;

/// <summary>
/// The paid-lock on an invoice paid in full in AltPay and written back: SuperOps changes that follow are
/// reported as conflicts and not applied.
/// </summary>
public sealed class PaymentPaidLockTests
{
    [Fact]
    public async Task PaidLockedInvoice_IgnoresAmountDueDateAndVoid()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("640.00", dueInDays: 25);
        await host.PayAsync(invoice.Id, "640.00");
        var delivered = await host.WaitForWriteBackAsync(invoice.Id);
        var superOpsDue = PaymentSteps.Today.AddDays(5);

        await host.PatchSandboxInvoiceAsync(invoice.ExternalId!, new
        {
            items = new[]
            {
                new { details = "Firewall appliance", quantity = "1", unitPrice = "899.00" },
                new { details = "Installation", quantity = "2", unitPrice = "140.00" },
            },
            dueDate = PaymentSteps.Iso(superOpsDue),
            statusEnum = "VOID",
        });
        var run = await host.RefreshAsync();

        var stored = await host.InvoiceByIdAsync(invoice.Id);
        Assert.Equal(WriteBackStatus.Delivered, delivered.WriteBackStatus);
        Assert.Equal(64000, stored.TotalMinor);
        Assert.Equal(PaymentSteps.Today.AddDays(25), stored.DueDate);
        Assert.Equal(InvoiceStatus.Paid, stored.Status);
        Assert.Equal(0, stored.OutstandingMinor);
        Assert.Single(stored.Lines);
        Assert.True(stored.PaidLocked);
        Assert.Equal(4, run.Conflicts);

        await using var db = await host.DbAsync();
        var conflicts = await db.Conflicts.AsNoTracking()
            .Where(conflict => conflict.InvoiceId == invoice.Id)
            .OrderBy(conflict => conflict.Field)
            .ToListAsync();
        Assert.Equal(["amount", "dueDate", "lines", "status"], conflicts.Select(conflict => conflict.Field));
        Assert.Equal("640.00", conflicts[0].AltPayValue);
        Assert.Equal("1179.00", conflicts[0].SuperOpsValue);
        Assert.Equal(PaymentSteps.Iso(PaymentSteps.Today.AddDays(25)), conflicts[1].AltPayValue);
        Assert.Equal(PaymentSteps.Iso(superOpsDue), conflicts[1].SuperOpsValue);
        Assert.Equal("1 line, 640.00", conflicts[2].AltPayValue);
        Assert.Equal("2 lines, 1179.00", conflicts[2].SuperOpsValue);
        Assert.Equal("PAID", conflicts[3].AltPayValue);
        Assert.Equal("VOID", conflicts[3].SuperOpsValue);
        Assert.All(conflicts, conflict => Assert.False(conflict.Resolved));
        Assert.All(conflicts, conflict => Assert.Equal(run.Id, conflict.RunId));

        var conflictEvents = await db.TimelineEvents.AsNoTracking()
            .Where(row => row.InvoiceId == invoice.Id && row.Kind == TimelineKinds.ConflictIgnored)
            .ToListAsync();
        Assert.Equal(4, conflictEvents.Count);
        Assert.All(conflictEvents, row => Assert.Equal(run.Id, row.RunId));
    }

    [Fact]
    public async Task PaidLockedInvoice_ReportsSameChangeOnce()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("75.00", dueInDays: 25);
        await host.PayAsync(invoice.Id, "75.00");
        await host.WaitForWriteBackAsync(invoice.Id);

        await host.PatchSandboxInvoiceAsync(invoice.ExternalId!, new { dueDate = PaymentSteps.Iso(PaymentSteps.Today.AddDays(2)) });
        var first = await host.RefreshAsync();
        var second = await host.RefreshAsync();

        await using var db = await host.DbAsync();
        Assert.Equal(1, first.Conflicts);
        Assert.Equal(0, second.Conflicts);
        Assert.Equal(1, await db.Conflicts.CountAsync(conflict => conflict.InvoiceId == invoice.Id));
    }

    [Fact]
    public async Task DeliveredWriteBack_IsNotReportedAsConflict()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("75.00");
        await host.PayAsync(invoice.Id, "75.00");
        await host.WaitForWriteBackAsync(invoice.Id);

        var run = await host.RefreshAsync();

        await using var db = await host.DbAsync();
        Assert.Equal(0, run.Conflicts);
        Assert.Equal(0, await db.Conflicts.CountAsync(conflict => conflict.InvoiceId == invoice.Id));
    }
}
