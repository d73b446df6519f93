using AltPay.Domain;
using AltPay.SuperOps;

namespace AltPay.Sync.Tests;

/// <summary>What a run in progress shows while its SuperOps requests wait for the request limit.</summary>
public sealed class RateBudgetProgressTests
{
    [Fact]
    public async Task Refresh_RateBudgetWait_ShowsInProgress()
    {
        // Five requests per minute leave four to refreshes, and connecting uses them all: one check and
        // one page each of clients, invoices and lines.
        await using var host = await SyncTestHost.StartAsync(settings: values => values["AltPay:SuperOps:RequestsPerMinute"] = "5");
        await host.ConnectAsync();

        var start = await host.Get<SyncRunCoordinator>().StartAsync(host.PartnerId, SyncRunKind.Refresh, SyncRunTrigger.Manual, CancellationToken.None);
        var progress = await host.WaitForProgressAsync(start.RunId, text => text.StartsWith("Waiting", StringComparison.Ordinal));

        Assert.Matches(@"^Waiting up to (6[0-2]|[1-5][0-9]|[1-9]) s for the SuperOps request limit; the run goes on by itself$", progress);
    }

    [Fact]
    public async Task Refresh_WaitBetweenPages_StaysInProgress()
    {
        // Two pages of clients and three of lines, so the listing read beside the other has pages to show.
        await using var host = await SyncTestHost.StartAsync(clients: 150, invoicesPerClient: 1, linesPerInvoice: 2,
            settings: values => values["AltPay:SuperOps:RequestsPerMinute"] = "20");
        await host.ConnectAsync();
        await FillWindowButAsync(host, free: 2);

        // The first page of clients and of lines get through; every later request waits about a minute.
        var start = await host.Get<SyncRunCoordinator>().StartAsync(host.PartnerId, SyncRunKind.Refresh, SyncRunTrigger.Manual, CancellationToken.None);
        var progress = await host.WaitForProgressAsync(start.RunId, text => text.Contains("100 of 300 invoice lines read", StringComparison.Ordinal) && text.Contains("Waiting", StringComparison.Ordinal));

        Assert.Matches(@"; 100 of 300 invoice lines read\. Waiting up to [0-9]+ s for the SuperOps request limit; the run goes on by itself$", progress);
    }

    [Fact]
    public async Task Sweep_RateBudgetWait_ShowsInProgress()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 150, invoicesPerClient: 1,
            settings: values => values["AltPay:SuperOps:RequestsPerMinute"] = "20");
        await host.ConnectAsync();
        await FillWindowButAsync(host, free: 0);

        var start = await host.Get<SyncRunCoordinator>().StartAsync(host.PartnerId, SyncRunKind.Sweep, SyncRunTrigger.Manual, CancellationToken.None);
        var progress = await host.WaitForProgressAsync(start.RunId, text => text.StartsWith("Waiting", StringComparison.Ordinal));

        Assert.Matches(@"^Waiting up to [0-9]+ s for the SuperOps request limit; the run goes on by itself$", progress);
    }

    // Takes background grants from the token's window until only the given number is left for the run.
    private static async Task FillWindowButAsync(SyncTestHost host, int free)
    {
        var budget = host.Get<SuperOpsRateBudget>();
        var backgroundLimit = budget.RequestsPerMinute - budget.WriteBackReserve;

        while (budget.CountInWindow(SyncTestHost.Token) < backgroundLimit - free)
        {
            await budget.AcquireAsync(SyncTestHost.Token, SuperOpsPriority.Background, CancellationToken.None);
        }
    }
}
