using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Sync.Tests;

/// <summary>The per-connection names AltPay payment methods are written back to SuperOps as.</summary>
public sealed class PaymentMethodMapTests
{
    [Fact]
    public async Task ConfiguredName_IsUsedForWriteBack()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        using (var scope = host.Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConnectionService>()
                .SetPaymentMethodMapAsync(host.PartnerId, new Dictionary<string, string?> { ["card"] = "Cash" }, CancellationToken.None);
        }

        var invoice = await host.ImportInvoiceAsync("150.00");
        await host.PayAsync(invoice.Id, "150.00", method: "card");
        await host.WaitForWriteBackAsync(invoice.Id);

        var paid = await host.SandboxInvoiceAsync(invoice.ExternalId!);
        Assert.Equal("Cash", (string?)paid["paymentMethod"]?["name"]);
    }

    [Fact]
    public async Task UnknownMethodKey_IsRejectedWithItsName()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        using var scope = host.Host.Services.CreateScope();
        var connections = scope.ServiceProvider.GetRequiredService<ConnectionService>();

        var error = await Assert.ThrowsAsync<ConnectionInputException>(() =>
            connections.SetPaymentMethodMapAsync(host.PartnerId, new Dictionary<string, string?> { ["bitcoin"] = "Crypto" }, CancellationToken.None));

        Assert.Contains("'bitcoin' is not an AltPay payment method", error.Errors["bitcoin"]);
    }

    [Fact]
    public async Task UnmatchedMethod_WritesBackWithoutMethodAndNotesIt()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        using (var scope = host.Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConnectionService>()
                .SetPaymentMethodMapAsync(host.PartnerId, new Dictionary<string, string?> { ["ach"] = "Wire" }, CancellationToken.None);
        }

        var invoice = await host.ImportInvoiceAsync("80.00");

        await host.PayAsync(invoice.Id, "80.00", method: "ach");
        await host.WaitForWriteBackAsync(invoice.Id);

        var paid = await host.SandboxInvoiceAsync(invoice.ExternalId!);
        await using var db = await host.DbAsync();
        var notes = db.TimelineEvents.Where(timelineEvent => timelineEvent.InvoiceId == invoice.Id).Select(timelineEvent => timelineEvent.Message).ToList();
        Assert.Null(paid["paymentMethod"]);
        Assert.Contains(notes, message => message.StartsWith("No SuperOps payment method matches \"ach\"", StringComparison.Ordinal));
    }
}
