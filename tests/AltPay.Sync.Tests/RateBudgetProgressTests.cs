using AltPay.Domain;

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
        var progress = await PollProgressAsync(host, start.RunId, text => text.StartsWith("Waiting", StringComparison.Ordinal));

        Assert.Matches(@"^Waiting up to (6[0-2]|[1-5][0-9]|[1-9]) s for the SuperOps request limit; the run goes on by itself$", progress);
    }

    private static async Task<string?> PollProgressAsync(SyncTestHost host, Guid runId, Func<string, bool> until)
    {
        var coordinator = host.Get<SyncRunCoordinator>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        string? progress = null;

        while (DateTimeOffset.UtcNow < deadline)
        {
            progress = coordinator.FindRunningById(runId)?.Progress;
            if (progress is not null && until(progress))
            {
                return progress;
            }

            await Task.Delay(20);
        }

        return progress;
    }
}
