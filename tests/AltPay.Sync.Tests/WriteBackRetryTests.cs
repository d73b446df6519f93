using AltPay.Domain;

namespace AltPay.Sync.Tests;

/// <summary>A write-back SuperOps rejects for good is marked failed with its reason, and the partner can retry it.</summary>
public sealed class WriteBackRetryTests
{
    [Fact]
    public async Task VoidInSuperOps_FailsNamingVoid_ThenRetryDelivers()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("330.00");
        var id = invoice.ExternalId!;
        await host.PatchSandboxInvoiceAsync(id, new { statusEnum = "VOID" });

        var payment = (await host.PayAsync(invoice.Id, "330.00")).Payment;
        var failed = await host.WaitForWriteBackAsync(invoice.Id);
        var failedOutbox = Assert.Single(await host.OutboxAsync(invoice.Id));
        var sandboxWhileVoid = await host.SandboxInvoiceAsync(id);

        await host.PatchSandboxInvoiceAsync(id, new { statusEnum = "APPROVED" });
        await host.RetryWriteBackAsync(invoice.Id);
        var delivered = await host.WaitForWriteBackAsync(invoice.Id);
        var sandbox = await host.SandboxInvoiceAsync(id);

        Assert.Equal(WriteBackStatus.Failed, failed.WriteBackStatus);
        Assert.Contains("void", failed.WriteBackError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(OutboxStatus.Failed, failedOutbox.Status);
        Assert.Equal("VOID", (string?)sandboxWhileVoid["statusEnum"]);
        Assert.Equal(WriteBackStatus.Delivered, delivered.WriteBackStatus);
        Assert.Null(delivered.WriteBackError);
        Assert.Equal("PAID", (string?)sandbox["statusEnum"]);
        Assert.Contains(payment.Id.ToString("N"), (string?)sandbox["paymentReference"]);
        Assert.Equal(OutboxStatus.Delivered, Assert.Single(await host.OutboxAsync(invoice.Id)).Status);
    }

    [Fact]
    public async Task RetryWriteBackAsync_WithNothingFailed_IsStateError()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("330.00");

        await Assert.ThrowsAsync<InvoiceStateException>(() => host.RetryWriteBackAsync(invoice.Id));
    }
}
