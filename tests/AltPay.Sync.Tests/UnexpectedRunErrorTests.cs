using AltPay.Domain;
using AltPay.SuperOps;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Sync.Tests;

/// <summary>A run that meets an exception no handler expects: it ends failed with a message, and the error is logged.</summary>
public sealed class UnexpectedRunErrorTests
{
    [Fact]
    public async Task Refresh_UnexpectedException_NamesRunId()
    {
        await using var host = await StartWithFailingHandlerAsync();

        var run = await host.RefreshAsync();

        Assert.Equal(
            $"The run stopped on an unexpected error (InvalidOperationException). The pages already read are kept; the next refresh tries again. If it happens again, contact AltPay support with run id {run.Id}.",
            run.Error);
    }

    [Fact]
    public async Task Refresh_UnexpectedException_LogsRunFailed()
    {
        await using var host = await StartWithFailingHandlerAsync();

        var run = await host.RefreshAsync();

        Assert.Contains($"Error AltPay.Sync.SyncRunCoordinator: Sync run {run.Id}", host.WarningsAndErrors(), StringComparison.Ordinal);
    }

    // Connecting checks the token first, so the handler starts failing only after the connect run.
    private static async Task<SyncTestHost> StartWithFailingHandlerAsync()
    {
        var failure = new FailureSwitch();
        var host = await SyncTestHost.StartAsync(services: services =>
            services.AddHttpClient(SuperOpsClientFactory.HttpClientName).AddHttpMessageHandler(() => new FailingHandler(failure)));
        await host.ConnectAsync();
        failure.On = true;
        return host;
    }

    private sealed class FailureSwitch
    {
        public volatile bool On;
    }

    private sealed class FailingHandler(FailureSwitch failure) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            failure.On
                ? throw new InvalidOperationException("A defect in a handler.")
                : base.SendAsync(request, cancellationToken);
    }
}
