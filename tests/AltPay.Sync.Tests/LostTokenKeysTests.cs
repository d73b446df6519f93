using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Sync.Tests;

/// <summary>Runs and write-backs after the Data Protection keys that encrypted the stored token are lost.</summary>
public sealed class LostTokenKeysTests
{
    private const string Reconnect =
        "AltPay cannot decrypt the stored SuperOps API token, because its Data Protection keys changed or were lost. "
        + "Connect SuperOps again under Integrations > SuperOps with an API token.";

    [Fact]
    public async Task Refresh_KeysLost_AsksToReconnect()
    {
        await using var host = await StartWithLostKeysAsync();

        var run = await host.RefreshAsync();

        Assert.Equal(Reconnect, run.Error);
    }

    [Fact]
    public async Task Refresh_KeysLost_SetsConnectionError()
    {
        await using var host = await StartWithLostKeysAsync();

        await host.RefreshAsync();

        await using var db = await host.DbAsync();
        var connection = await db.Connections.AsNoTracking().SingleAsync();
        Assert.Equal(ConnectionStatus.Error, connection.Status);
        Assert.Equal(Reconnect, connection.Error);
    }

    [Fact]
    public async Task WriteBack_KeysLost_FailsWithReconnectMessage()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.ImportInvoiceAsync("120.00");
        await LoseKeysAsync(host);

        await host.PayAsync(invoice.Id, "120.00");
        var stored = await host.WaitForWriteBackAsync(invoice.Id, TimeSpan.FromSeconds(30));

        Assert.Equal(WriteBackStatus.Failed, stored.WriteBackStatus);
        Assert.Equal(Reconnect + " Then retry the write-back.", stored.WriteBackError);
    }

    private static async Task<SyncTestHost> StartWithLostKeysAsync()
    {
        var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        await LoseKeysAsync(host);
        return host;
    }

    // An operator who moves the database without its key ring: the engine restarts with new keys.
    private static Task LoseKeysAsync(SyncTestHost host) =>
        host.RestartEngineAsync(() =>
        {
            Directory.Delete(Path.Combine(Path.GetDirectoryName(host.DatabasePath)!, "keys"), recursive: true);
            return Task.CompletedTask;
        });
}
