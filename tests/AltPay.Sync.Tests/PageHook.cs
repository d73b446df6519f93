using System.Text.Json.Nodes;

namespace AltPay.Sync.Tests;

/// <summary>
/// Sits in front of the SuperOps HttpClient and runs an action once, just before a chosen list page is
/// requested, so a test can change the sandbox between page requests.
/// </summary>
internal sealed class PageHook(string operation, int page, Func<Task> action) : DelegatingHandler
{
    private int _fired;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null && _fired == 0)
        {
            var body = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
            var query = (string?)body?["query"] ?? "";
            var requestedPage = (int?)body?["variables"]?["input"]?["page"];

            if (query.Contains(operation, StringComparison.Ordinal) && requestedPage == page && Interlocked.Exchange(ref _fired, 1) == 0)
            {
                await action();
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
