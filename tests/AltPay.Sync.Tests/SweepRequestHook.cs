using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AltPay.SuperOps;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Sync.Tests;

/// <summary>
/// Runs a test's action on each SuperOps request of the engine just before it is sent, so that a test
/// can change the sandbox between two page requests or hold a request until it releases it.
/// </summary>
internal sealed partial class SweepRequestHook
{
    private Func<SuperOpsRequest, CancellationToken, Task>? _action;

    /// <summary>Adds the hook to the engine's SuperOps HttpClient; pass it as the <c>services</c> callback of the test host.</summary>
    public void AddTo(IServiceCollection services) =>
        services.AddHttpClient(SuperOpsClientFactory.HttpClientName).AddHttpMessageHandler(() => new HookHandler(this));

    /// <summary>Sets the action that runs before each later request; null removes it.</summary>
    public void OnRequest(Func<SuperOpsRequest, CancellationToken, Task>? action) => Volatile.Write(ref _action, action);

    private Task RunAsync(SuperOpsRequest request, CancellationToken cancellationToken) =>
        Volatile.Read(ref _action)?.Invoke(request, cancellationToken) ?? Task.CompletedTask;

    // The root field follows the first brace of the document, as in "query getInvoiceList(...) { getInvoiceList(input: $input) ...".
    [GeneratedRegex(@"\{\s*(\w+)")]
    private static partial Regex RootField();

    private sealed class HookHandler(SweepRequestHook hook) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
            var query = (string?)body["query"] ?? "";
            var match = RootField().Match(query);
            var page = body["variables"]?["input"]?["page"]?.GetValue<int>();

            await hook.RunAsync(new SuperOpsRequest(match.Success ? match.Groups[1].Value : "", page), cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>A SuperOps request as parsed by the hook: the GraphQL root field and, for lists, the page number.</summary>
internal sealed record SuperOpsRequest(string Operation, int? Page);
