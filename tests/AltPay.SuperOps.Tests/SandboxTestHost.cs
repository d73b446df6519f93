using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SuperOps.Sandbox;

namespace AltPay.SuperOps.Tests;

/// <summary>
/// A sandbox on its own loopback port plus a client factory pointed at it, with log lines captured for
/// secret checks. Each test creates its own, so tests share no tenant or counter.
/// </summary>
internal sealed class SandboxTestHost : IAsyncDisposable
{
    public const string Subdomain = "acme";
    public const string Token = "sandbox-token-7f3a9c";

    private readonly ServiceProvider _services;

    private SandboxTestHost(SandboxHost sandbox, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Sandbox = sandbox;
        _services = services;
        Logs = logs;
        Admin = new HttpClient { BaseAddress = sandbox.BaseAddress };
        Factory = services.GetRequiredService<SuperOpsClientFactory>();
    }

    public SandboxHost Sandbox { get; }

    public HttpClient Admin { get; }

    public SuperOpsClientFactory Factory { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<SandboxTestHost> StartAsync(
        int clients = 5,
        int invoicesPerClient = 2,
        int linesPerInvoice = 1,
        bool documentedSchemaOnly = false,
        Action<Dictionary<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null,
        Action<SandboxOptions>? sandboxOptions = null)
    {
        var sandbox = await SandboxHost.StartAsync(configure: sandboxOptions);
        sandbox.Tenants.CreateTenant(new SandboxTenantSpec(Subdomain, Token, "us", documentedSchemaOnly,
            new SandboxSeed(clients, invoicesPerClient, linesPerInvoice, 20261204)));

        var values = new Dictionary<string, string?>
        {
            ["AltPay:SuperOps:UsBaseUrl"] = sandbox.UsEndpoint.ToString(),
            ["AltPay:SuperOps:EuBaseUrl"] = sandbox.EuEndpoint.ToString(),
            ["AltPay:SuperOps:RetryBaseDelay"] = "00:00:00.010",
            ["AltPay:SuperOps:RetryMaxDelay"] = "00:00:00.050",
        };
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services?.Invoke(collection);
        collection.AddSuperOpsClient(configuration);

        return new SandboxTestHost(sandbox, collection.BuildServiceProvider(), logs);
    }

    public SuperOpsClient CreateClient(string token = Token, string subdomain = Subdomain, SuperOpsRegion region = SuperOpsRegion.Us,
        SuperOpsPriority priority = SuperOpsPriority.Background) =>
        Factory.Create(new SuperOpsCredentials(subdomain, token, region), priority);

    /// <summary>Sends <c>PUT /admin/tenants/{subdomain}/settings</c> with the given JSON object.</summary>
    public async Task SetSettingsAsync(object settings)
    {
        using var response = await Admin.PutAsJsonAsync($"admin/tenants/{Subdomain}/settings", settings);
        response.EnsureSuccessStatusCode();
    }

    public async Task SetFaultAsync(string kind, string operation, int? page = null, int times = 1) =>
        await SetSettingsAsync(new { faults = new[] { new { kind, operation, page, times } } });

    /// <summary>Requests the sandbox counted for one operation.</summary>
    public async Task<int> RequestCountAsync(string operation)
    {
        var counters = await Admin.GetFromJsonAsync<JsonObject>($"admin/tenants/{Subdomain}/requests");
        var byOperation = counters!["byOperation"]!.AsObject();
        return byOperation.TryGetPropertyValue(operation, out var count) && count is not null ? count.GetValue<int>() : 0;
    }

    public async Task<JsonArray> AdminListAsync(string collection)
    {
        var json = await Admin.GetStringAsync($"admin/tenants/{Subdomain}/{collection}");
        var node = JsonNode.Parse(json)!;
        return node as JsonArray ?? node[collection]!.AsArray();
    }

    public async Task<JsonObject> AdminInvoiceAsync(string invoiceId)
    {
        var invoices = await AdminListAsync("invoices");
        return invoices.Select(invoice => invoice!.AsObject()).Single(invoice => IdText(invoice["invoiceId"]) == invoiceId);
    }

    public async Task DeleteInvoiceAsync(string invoiceId)
    {
        using var response = await Admin.DeleteAsync($"admin/tenants/{Subdomain}/invoices/{invoiceId}");
        response.EnsureSuccessStatusCode();
    }

    public static string? IdText(JsonNode? node) =>
        node is null ? null : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}

/// <summary>Keeps every formatted log line, and each exception text, for checks that no secret is written.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(Lines);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {eventId.Name}: {formatter(state, exception)} {exception}");
    }
}
