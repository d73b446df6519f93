using AltPay.Domain;

namespace AltPay.Sync.Tests;

/// <summary>AltPay payments and refunds on SuperOps invoices, written back to the sandbox by the dispatcher.</summary>
public sealed class PaymentWriteBackTests
{
    [Fact]
    public async Task FullPayment_MarksSandboxInvoicePaidWithinFiveSeconds()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("120.00");
        var id = invoice.ExternalId!;

        var started = TimeProvider.System.GetTimestamp();
        var payment = (await host.PayAsync(invoice.Id, "120.00", method: "card")).Payment;
        var paid = await PaymentSteps.WaitForAsync(() => host.SandboxInvoiceAsync(id),
            sandbox => (string?)sandbox["statusEnum"] == "PAID", sandbox => $"sandbox invoice {id} is {sandbox["statusEnum"]}");
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var stored = await host.WaitForWriteBackAsync(invoice.Id);

        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"The sandbox showed PAID after {elapsed.TotalMilliseconds:0} ms.");
        Assert.Contains(payment.Id.ToString("N"), (string?)paid["paymentReference"]);
        Assert.Equal("Credit Card", (string?)paid["paymentMethod"]?["name"]);
        Assert.Equal(PaymentSteps.Iso(PaymentSteps.Today), (string?)paid["paymentDate"]);
        Assert.Equal(WriteBackStatus.Delivered, stored.WriteBackStatus);
        Assert.True(stored.PaidLocked);
        Assert.Equal(InvoiceStatus.Paid, stored.Status);
    }

    [Fact]
    public async Task PartialPayments_SendNoUpdateUntilFullyPaid()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("300.00");
        await host.ResetRequestsAsync();

        await host.PayAsync(invoice.Id, "100.00");
        await host.PayAsync(invoice.Id, "50.00");
        var dispatchedWhilePartial = await host.Get<WriteBackDispatcher>().DispatchDueAsync(CancellationToken.None);
        var outboxWhilePartial = await host.OutboxAsync(invoice.Id);
        var updatesWhilePartial = await host.RequestCountAsync("updateInvoice");
        var requestsWhilePartial = (int)(await host.RequestsAsync())["total"]!;
        var partial = await host.InvoiceByIdAsync(invoice.Id);

        await host.PayAsync(invoice.Id, "150.00");
        var stored = await host.WaitForWriteBackAsync(invoice.Id);

        Assert.Equal(0, dispatchedWhilePartial);
        Assert.Empty(outboxWhilePartial);
        Assert.Equal(0, updatesWhilePartial);
        Assert.Equal(0, requestsWhilePartial);
        Assert.Equal(InvoiceStatus.PartiallyPaid, partial.Status);
        Assert.Equal(15000, partial.OutstandingMinor);
        Assert.False(partial.PaidLocked);
        Assert.Equal(WriteBackStatus.None, partial.WriteBackStatus);
        Assert.Equal(WriteBackStatus.Delivered, stored.WriteBackStatus);
        Assert.Equal(1, await host.RequestCountAsync("updateInvoice"));
        Assert.Equal("PAID", (string?)(await host.SandboxInvoiceAsync(invoice.ExternalId!))["statusEnum"]);
    }

    [Fact]
    public async Task PartialPayments_AreOnTimelineAsWaitingForFullPayment()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("300.00");

        await host.PayAsync(invoice.Id, "100.00");
        await host.PayAsync(invoice.Id, "50.00");

        await using var db = await host.DbAsync();
        var messages = db.TimelineEvents
            .Where(row => row.InvoiceId == invoice.Id && row.Kind == TimelineKinds.WaitingForFullPayment)
            .AsEnumerable()
            .OrderBy(row => row.At)
            .Select(row => row.Message)
            .ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains("remaining 200.00 USD", messages[0]);
        Assert.Contains("remaining 150.00 USD", messages[1]);
    }

    [Fact]
    public async Task Refund_ReopensSandboxInvoiceAndLiftsPaidLock()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("250.00", dueInDays: 20);
        var id = invoice.ExternalId!;
        var payment = (await host.PayAsync(invoice.Id, "250.00")).Payment;
        var delivered = await host.WaitForWriteBackAsync(invoice.Id);

        var refunded = await host.RefundAsync(payment.Id);
        var stored = await host.WaitForWriteBackAsync(invoice.Id);
        var sandbox = await host.SandboxInvoiceAsync(id);

        Assert.Equal(WriteBackStatus.Delivered, delivered.WriteBackStatus);
        Assert.Equal(PaymentStatus.Refunded, refunded.Status);
        Assert.Equal("APPROVED", (string?)sandbox["statusEnum"]);
        Assert.Null(sandbox["paymentDate"]);
        Assert.Null(sandbox["paymentMethod"]);
        Assert.Null(sandbox["paymentReference"]);
        Assert.Equal(WriteBackStatus.Delivered, stored.WriteBackStatus);
        Assert.False(stored.PaidLocked);
        Assert.Equal(25000, stored.OutstandingMinor);
        var outbox = await host.OutboxAsync(invoice.Id);
        Assert.Equal([OutboxKind.MarkPaid, OutboxKind.Reopen], outbox.Select(message => message.Kind));
        Assert.All(outbox, message => Assert.Equal(OutboxStatus.Delivered, message.Status));
    }

    [Fact]
    public async Task Refund_ReopensInvoiceInAltPay()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("250.00", dueInDays: 20);
        var payment = (await host.PayAsync(invoice.Id, "250.00")).Payment;
        await host.WaitForWriteBackAsync(invoice.Id);

        await host.RefundAsync(payment.Id);
        var afterRefund = await host.InvoiceByIdAsync(invoice.Id);
        var afterReopen = await host.WaitForWriteBackAsync(invoice.Id);

        Assert.Equal(25000, afterRefund.OutstandingMinor);
        Assert.Equal(InvoiceStatus.Open, afterRefund.StatusOn(PaymentSteps.Today));
        Assert.Equal(InvoiceStatus.Open, afterReopen.StatusOn(PaymentSteps.Today));
    }

    [Fact]
    public async Task Refund_LetsLaterSuperOpsDueDateChangeFlowIn()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("250.00", dueInDays: 20);
        var payment = (await host.PayAsync(invoice.Id, "250.00")).Payment;
        await host.WaitForWriteBackAsync(invoice.Id);
        await host.RefundAsync(payment.Id);
        await host.WaitForWriteBackAsync(invoice.Id);
        var newDue = PaymentSteps.Today.AddDays(75);

        await host.PatchSandboxInvoiceAsync(invoice.ExternalId!, new { dueDate = PaymentSteps.Iso(newDue) });
        var run = await host.RefreshAsync();

        var stored = await host.InvoiceByIdAsync(invoice.Id);
        Assert.Equal(newDue, stored.DueDate);
        Assert.Equal(0, run.Conflicts);
        await using var db = await host.DbAsync();
        Assert.Empty(db.Conflicts.Where(conflict => conflict.InvoiceId == invoice.Id).ToList());
    }
}
