using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace SuperOps.Sandbox.Tests;

/// <summary>The per-token rate limit over a rolling 60 seconds, driven by a fake clock.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const string Query = """{"query":"{ getPaymentMethodList { paymentMethodName } }"}""";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private SandboxHost _host = null!;

    public async Task InitializeAsync() => _host = await SandboxHost.StartAsync(_clock);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task EleventhRequestInAMinute_IsThrottledWithoutData()
    {
        var api = await SandboxApi.CreateAsync(_host, _http, null, "us", false);
        await api.PutSettingsAsync(new { requestsPerMinute = 10 });

        for (var i = 0; i < 10; i++)
        {
            using var allowed = await api.PostRawAsync(Query);
            var body = JsonNode.Parse(await allowed.Content.ReadAsStringAsync())!.AsObject();
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.True(body.ContainsKey("data"));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        using var throttled = await api.PostRawAsync(Query);
        var throttledText = await throttled.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, throttled.StatusCode);
        Assert.Equal(
            """{"errors":[{"message":"API limit reached","extensions":{"clientError":[{"code":"rate_limit_exceeded"}]}}]}""",
            throttledText);
        Assert.False(JsonNode.Parse(throttledText)!.AsObject().ContainsKey("data"));

        _clock.Advance(TimeSpan.FromSeconds(51));
        using var afterMinute = await api.PostRawAsync(Query);
        var afterText = await afterMinute.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, afterMinute.StatusCode);
        Assert.StartsWith("""{"data":{"getPaymentMethodList":""", afterText);
    }

    [Fact]
    public async Task DefaultLimit_Is800PerMinute()
    {
        var api = await SandboxApi.CreateAsync(_host, _http, null, "us", false);

        var settings = await api.AdminAsync(HttpMethod.Get, "settings");

        Assert.Equal(800, settings["requestsPerMinute"]!.GetValue<int>());
    }

    [Fact]
    public async Task RequestCounters_IncludeThrottled()
    {
        var api = await SandboxApi.CreateAsync(_host, _http, null, "us", false);
        await api.PutSettingsAsync(new { requestsPerMinute = 3 });

        for (var i = 0; i < 5; i++)
        {
            using var response = await api.PostRawAsync(Query);
        }

        _clock.Advance(TimeSpan.FromSeconds(61));
        using (var late = await api.PostRawAsync("""{"query":"query { getClientStageList { name } }"}"""))
        {
        }

        var counters = await api.AdminAsync(HttpMethod.Get, "requests");

        Assert.Equal(6, counters["total"]!.GetValue<int>());
        Assert.Equal(5, counters["byOperation"]!["getPaymentMethodList"]!.GetValue<int>());
        Assert.Equal(1, counters["byOperation"]!["getClientStageList"]!.GetValue<int>());
        Assert.Equal(5, counters["perMinuteMax"]!.GetValue<int>());

        await api.AdminAsync(HttpMethod.Delete, "requests", expected: HttpStatusCode.NoContent);
        var reset = await api.AdminAsync(HttpMethod.Get, "requests");

        Assert.Equal(0, reset["total"]!.GetValue<int>());
        Assert.Empty(reset["byOperation"]!.AsObject());
        Assert.Equal(0, reset["perMinuteMax"]!.GetValue<int>());
    }
}
