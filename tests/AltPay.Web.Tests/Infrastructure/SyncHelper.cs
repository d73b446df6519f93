using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AltPay.Web.Tests.Infrastructure;

public static class SyncHelper
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Connects the partner to a sandbox tenant, waits for the first import that connecting starts, then
    /// runs one more refresh with <c>?wait=true</c> and returns it.
    /// </summary>
    public static async Task<JsonNode> ConnectAndSyncAsync(this HttpClient api, string subdomain, string apiToken)
    {
        using var connect = await api.PutAsJsonAsync("/api/v1/integrations/superops", new { subdomain, apiToken, region = "us", currency = "USD" });
        Assert.Equal(HttpStatusCode.OK, connect.StatusCode);

        return await SyncAndWaitAsync(api);
    }

    /// <summary>Runs a refresh to the end; when one is already running, waits for it and starts another.</summary>
    public static async Task<JsonNode> SyncAndWaitAsync(HttpClient api)
    {
        using var timeout = new CancellationTokenSource(RunTimeout);

        while (true)
        {
            using var response = await api.PostAsync("/api/v1/integrations/superops/sync?wait=true", null, timeout.Token);

            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.ReadJsonAsync();
            }

            var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
            var runningId = problem["runId"]!.GetValue<string>();
            await WaitForRunAsync(api, runningId, timeout.Token);
        }
    }

    private static async Task WaitForRunAsync(HttpClient api, string runId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var run = await api.GetFromJsonAsync<JsonNode>($"/api/v1/sync-runs/{runId}", cancellationToken);

            if (run!["status"]!.GetValue<string>() != "running")
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
