using System.Text.Json.Nodes;
using AltPay.Domain;

namespace AltPay.Sync.Tests;

/// <summary>
/// Exactly one SuperOps effect per payment when updateInvoice fails in the ways the sandbox can inject:
/// a dropped connection after the change is applied, internal errors, and a restart mid-delivery.
/// </summary>
public sealed class WriteBackFaultTests
{
    [Fact]
    public async Task CommitThenDrop_ReadsBackAndCountsAsDelivered()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("180.00");
        await host.SetFaultsAsync(new { kind = "commit_then_drop", operation = "updateInvoice", times = 1 });
        await host.ResetRequestsAsync();

        var payment = (await host.PayAsync(invoice.Id, "180.00")).Payment;
        var stored = await host.WaitForWriteBackAsync(invoice.Id);

        var sandbox = await host.SandboxInvoiceAsync(invoice.ExternalId!);
        var message = Assert.Single(await host.OutboxAsync(invoice.Id));
        Assert.Equal(WriteBackStatus.Delivered, stored.WriteBackStatus);
        Assert.Equal("PAID", (string?)sandbox["statusEnum"]);
        Assert.Contains(payment.Id.ToString("N"), (string?)sandbox["paymentReference"]);
        Assert.Equal(1, await host.RequestCountAsync("updateInvoice"));
        Assert.Equal(1, await host.RequestCountAsync("getInvoice"));
        Assert.Equal(2, message.Attempts);
        Assert.Equal(OutboxStatus.Delivered, message.Status);
    }

    [Fact]
    public async Task ThreeInternalErrors_ThenSuccess_Delivers()
    {
        await using var host = await SyncTestHost.StartAsync(settings: values => values["AltPay:WriteBack:MaxBackoff"] = "00:00:01");
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("95.50");
        await host.SetFaultsAsync(new { kind = "internal_error", operation = "updateInvoice", times = 3 });
        await host.ResetRequestsAsync();

        var payment = (await host.PayAsync(invoice.Id, "95.50")).Payment;
        var stored = await host.WaitForWriteBackAsync(invoice.Id);

        var sandbox = await host.SandboxInvoiceAsync(invoice.ExternalId!);
        var message = Assert.Single(await host.OutboxAsync(invoice.Id));
        Assert.Equal(WriteBackStatus.Delivered, stored.WriteBackStatus);
        Assert.Equal("PAID", (string?)sandbox["statusEnum"]);
        Assert.Contains(payment.Id.ToString("N"), (string?)sandbox["paymentReference"]);
        Assert.Equal(4, await host.RequestCountAsync("updateInvoice"));
        Assert.Equal(3, await host.RequestCountAsync("getInvoice"));
        Assert.Equal(4, message.Attempts);
        Assert.Null(stored.WriteBackError);
    }

    [Fact]
    public async Task EngineStoppedWithWriteBackPending_DeliversOnceAfterRestart()
    {
        await using var host = await SyncTestHost.StartAsync(settings: values => values["AltPay:WriteBack:MaxBackoff"] = "00:00:01");
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("410.25");
        await host.SetFaultsAsync(new { kind = "http_500", operation = "updateInvoice" });

        var payment = (await host.PayAsync(invoice.Id, "410.25")).Payment;
        // Stop right after a failed attempt is recorded, so no attempt is in flight while the engine stops.
        var failing = await PaymentSteps.WaitForAsync(() => host.OutboxAsync(invoice.Id),
            outbox => outbox is [{ Attempts: 1, LastError: not null }], outbox => $"{outbox.Count} outbox rows, no failed attempt recorded");
        JsonObject? beforeRestart = null;
        await host.RestartEngineAsync(async () =>
        {
            await host.SetFaultsAsync();
            await host.ResetRequestsAsync();
            beforeRestart = await host.SandboxInvoiceAsync(invoice.ExternalId!);
        });
        var stored = await host.WaitForWriteBackAsync(invoice.Id);

        var sandbox = await host.SandboxInvoiceAsync(invoice.ExternalId!);
        var message = Assert.Single(await host.OutboxAsync(invoice.Id));
        Assert.Equal(OutboxStatus.Pending, failing[0].Status);
        Assert.True(failing[0].OutcomeUnknown);
        Assert.Equal("APPROVED", (string?)beforeRestart!["statusEnum"]);
        Assert.Equal(WriteBackStatus.Delivered, stored.WriteBackStatus);
        Assert.Equal(OutboxStatus.Delivered, message.Status);
        Assert.Equal("PAID", (string?)sandbox["statusEnum"]);
        Assert.Contains(payment.Id.ToString("N"), (string?)sandbox["paymentReference"]);
        Assert.Equal(1, await host.RequestCountAsync("updateInvoice"));
        Assert.Equal(1, await host.RequestCountAsync("getInvoice"));
    }
}
