using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AltPay.SuperOps.Tests;

public sealed class SuperOpsClientBudgetTests
{
    [Fact]
    public async Task ListInvoices_BudgetExhausted_WaitsForWindow()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SandboxTestHost.StartAsync(
            clients: 25,
            invoicesPerClient: 10,
            settings: values => values["AltPay:SuperOps:RequestsPerMinute"] = "3",
            services: services => services.AddSingleton<TimeProvider>(time));
        var client = host.CreateClient();
        var pages = new List<int>();

        // Background work may use 2 of the 3 requests per minute; the third page waits for the window.
        var reading = Task.Run(async () =>
        {
            await foreach (var page in client.ListInvoicesAsync(new SuperOpsListing(), includePayments: false, CancellationToken.None))
            {
                lock (pages)
                {
                    pages.Add(page.Count);
                }
            }
        });
        await WaitUntilAsync(() => client.RequestsSent == 2 && pages.Count == 2);
        await Task.Delay(200);
        Assert.False(reading.IsCompleted);
        Assert.Equal(2, client.RequestsSent);

        time.Advance(SuperOpsRateBudget.GrantHeldFor);
        await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([100, 100, 50], pages);
        Assert.Equal(3, client.RequestsSent);
    }

    [Fact]
    public async Task WriteBackClient_UsesReserveWhileBackgroundWaits()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SandboxTestHost.StartAsync(
            settings: values => values["AltPay:SuperOps:RequestsPerMinute"] = "3",
            services: services => services.AddSingleton<TimeProvider>(time));
        var background = host.CreateClient();
        var writeBack = host.CreateClient(priority: SuperOpsPriority.WriteBack);
        await background.ListPaymentMethodsAsync(CancellationToken.None);
        await background.ListPaymentMethodsAsync(CancellationToken.None);

        var waiting = background.ListPaymentMethodsAsync(CancellationToken.None);
        var methods = await writeBack.ListPaymentMethodsAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEmpty(methods);
        Assert.False(waiting.IsCompleted);
        time.Advance(SuperOpsRateBudget.GrantHeldFor);
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, background.RequestsSent);
        Assert.Equal(1, writeBack.RequestsSent);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
