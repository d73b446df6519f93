using AltPay.Domain;

namespace AltPay.Sync.Tests;

/// <summary>The client-side rate budget, shared by refresh and write-back, as the sandbox counts requests.</summary>
public sealed class WriteBackRateBudgetTests
{
    [Fact]
    public async Task RateBudgetOf40_HoldsAcrossRefreshesAndWriteBacks()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 4, invoicesPerClient: 2,
            settings: values => values["AltPay:SuperOps:RequestsPerMinute"] = "40");
        await host.ConnectAsync();
        var externalIds = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            externalIds.Add(await RefreshRuleTests.CreateInvoiceAsync(host, $"{100 + i}.00", PaymentSteps.Today.AddDays(30)));
        }

        await host.RefreshAsync();
        var imported = new List<Invoice>();
        foreach (var externalId in externalIds)
        {
            imported.Add(await host.InvoiceAsync(externalId));
        }

        // Refreshes and write-backs together need more than 40 requests, so some must wait for the budget.
        var runs = new List<SyncRun>();
        var refreshes = Task.Run(async () =>
        {
            for (var i = 0; i < 12; i++)
            {
                runs.Add(await host.RefreshAsync());
            }
        });
        for (var i = 0; i < imported.Count; i++)
        {
            await host.PayAsync(imported[i].Id, $"{100 + i}.00");
        }

        var stored = new List<Invoice>();
        foreach (var invoice in imported)
        {
            stored.Add(await host.WaitForWriteBackAsync(invoice.Id, TimeSpan.FromMinutes(2)));
        }

        await refreshes;
        Assert.All(runs, run => Assert.True(run.Status == SyncRunStatus.Succeeded, $"Run ended {run.Status}: {run.Error}{Environment.NewLine}{host.WarningsAndErrors()}"));
        var requests = await host.RequestsAsync();
        Assert.True((int)requests["total"]! > 40, $"Only {(int)requests["total"]!} requests were sent, so the budget was never tested.");
        Assert.True((int)requests["perMinuteMax"]! <= 40, $"The sandbox counted {(int)requests["perMinuteMax"]!} requests in one minute.");
        Assert.All(stored, invoice => Assert.Equal(WriteBackStatus.Delivered, invoice.WriteBackStatus));
        Assert.Equal(imported.Count, await host.RequestCountAsync("updateInvoice"));
    }
}
