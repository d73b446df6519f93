using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AltPay.Data;
using AltPay.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperOps.Sandbox;

namespace AltPay.Sync.Tests;

/// <summary>
/// A sandbox with one seeded tenant and the sync engine on its own SQLite file, talking to the sandbox
/// over loopback. Each test starts its own, so tests share no tenant, database or counter.
/// </summary>
internal sealed class SyncTestHost : IAsyncDisposable
{
    public const string Subdomain = "acme";
    public const string Token = "sandbox-token-5d1e8b";

    private readonly string _directory;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private SyncTestHost(SandboxHost sandbox, IHost host, string directory, Guid partnerId,
        Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        Sandbox = sandbox;
        Host = host;
        _directory = directory;
        _settings = settings;
        _services = services;
        PartnerId = partnerId;
        Admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseAddress, $"admin/tenants/{Subdomain}/") };
    }

    public SandboxHost Sandbox { get; }

    /// <summary>The engine host; <see cref="RestartEngineAsync"/> replaces it.</summary>
    public IHost Host { get; private set; }

    public Guid PartnerId { get; }

    /// <summary>The sandbox admin API of the test tenant; relative paths such as "invoices".</summary>
    public HttpClient Admin { get; }

    public string DatabasePath => Path.Combine(_directory, "altpay.db");

    public static async Task<SyncTestHost> StartAsync(
        int clients = 3,
        int invoicesPerClient = 2,
        int linesPerInvoice = 2,
        bool documentedSchemaOnly = false,
        Action<Dictionary<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var sandbox = await SandboxHost.StartAsync();
        sandbox.Tenants.CreateTenant(new SandboxTenantSpec(Subdomain, Token, "us", documentedSchemaOnly,
            new SandboxSeed(clients, invoicesPerClient, linesPerInvoice, 7)));

        var directory = Directory.CreateTempSubdirectory("altpay-sync-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["AltPay:SuperOps:UsBaseUrl"] = sandbox.UsEndpoint.ToString(),
            ["AltPay:SuperOps:EuBaseUrl"] = sandbox.EuEndpoint.ToString(),
            ["AltPay:SuperOps:RetryBaseDelay"] = "00:00:00.010",
            ["AltPay:SuperOps:RetryMaxDelay"] = "00:00:00.050",
            ["AltPay:Sync:SchedulingEnabled"] = "false",
            ["AltPay:WriteBack:PollInterval"] = "00:00:00.100",
        };
        settings?.Invoke(values);

        var host = await StartEngineAsync(directory, values, services);

        var partnerId = Guid.NewGuid();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AltPayDbContext>>().CreateDbContextAsync())
        {
            db.Partners.Add(new Partner { Id = partnerId, Name = "Acme IT", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        return new SyncTestHost(sandbox, host, directory, partnerId, values, services);
    }

    /// <summary>
    /// Stops the engine host, as a process exit would, runs <paramref name="whileStopped"/>, and starts a new
    /// host on the same SQLite file and Data Protection keys with the same settings. The sandbox keeps
    /// running with its data and counters.
    /// </summary>
    public async Task RestartEngineAsync(Func<Task>? whileStopped = null)
    {
        await Host.StopAsync();
        Host.Dispose();

        if (whileStopped is not null)
        {
            await whileStopped();
        }

        Host = await StartEngineAsync(_directory, _settings, _services);
    }

    private static async Task<IHost> StartEngineAsync(string directory, Dictionary<string, string?> values, Action<IServiceCollection>? services)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders();
        builder.Logging.AddFakeLogging(options => options.FilteredLevels = new HashSet<LogLevel> { LogLevel.Warning, LogLevel.Error, LogLevel.Critical });
        builder.Services.AddAltPayData($"Data Source={Path.Combine(directory, "altpay.db")}");
        builder.Services.AddAltPaySync(builder.Configuration);
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(directory, "keys")));
        services?.Invoke(builder.Services);

        var host = builder.Build();
        await host.Services.MigrateAltPayDatabaseAsync();
        await host.StartAsync();
        return host;
    }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>
    /// Polls the progress of a run in progress until <paramref name="until"/> accepts it, for up to 20 s.
    /// Returns the last progress seen, so a failed assert on it shows what the run did instead.
    /// </summary>
    public async Task<string?> WaitForProgressAsync(Guid runId, Func<string, bool> until)
    {
        var coordinator = Get<SyncRunCoordinator>();
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

    /// <summary>The engine's warnings and errors so far, with their exceptions, for the message of a failed assert.</summary>
    public string WarningsAndErrors() =>
        string.Join(Environment.NewLine, Host.Services.GetFakeLogCollector().GetSnapshot()
            .Select(record => $"{record.Level} {record.Category}: {record.Message} {record.Exception}"));

    /// <summary>Connects the partner to the sandbox tenant and waits for the first refresh.</summary>
    public async Task<SyncRun> ConnectAsync()
    {
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ConnectionService>()
            .ConnectAsync(PartnerId, new ConnectRequest(Subdomain, Token, "us", "USD"), CancellationToken.None);

        var running = await Get<SyncRunCoordinator>().StartAsync(PartnerId, SyncRunKind.Refresh, SyncRunTrigger.Manual, CancellationToken.None);
        return await running.Completion.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public Task<SyncRun> RefreshAsync() => RunAsync(SyncRunKind.Refresh);

    public Task<SyncRun> SweepAsync() => RunAsync(SyncRunKind.Sweep);

    public async Task<SyncRun> RunAsync(SyncRunKind kind)
    {
        var start = await Get<SyncRunCoordinator>().StartAsync(PartnerId, kind, SyncRunTrigger.Manual, CancellationToken.None);
        // Generous, because a run held back by a small rate budget waits out a whole minute.
        return await start.Completion.WaitAsync(TimeSpan.FromMinutes(3));
    }

    public async Task<AltPayDbContext> DbAsync()
    {
        var db = await Get<IDbContextFactory<AltPayDbContext>>().CreateDbContextAsync();
        return db.ForPartner(PartnerId);
    }

    public async Task<Invoice> InvoiceAsync(string externalId)
    {
        await using var db = await DbAsync();
        return await db.Invoices.AsNoTracking().Include(invoice => invoice.Lines).SingleAsync(invoice => invoice.ExternalId == externalId);
    }

    public async Task<JsonArray> AdminListAsync(string what) =>
        (JsonArray)(await Admin.GetFromJsonAsync<JsonNode>(what))!;

    public async Task<JsonObject> AdminSendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sandbox admin {method} {path} failed with {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    /// <summary>Returns the id of the first seeded invoice that has the status, as the admin API reads it.</summary>
    public async Task<JsonObject> FirstInvoiceAsync(string statusEnum)
    {
        var invoices = await AdminListAsync("invoices");
        return invoices.Select(node => node!.AsObject())
            .First(invoice => (string?)invoice["statusEnum"] == statusEnum);
    }

    public async Task<JsonObject> RequestsAsync() =>
        (JsonObject)(await Admin.GetFromJsonAsync<JsonNode>("requests"))!;

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Host.StopAsync();
        Host.Dispose();
        await Sandbox.DisposeAsync();

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly on some systems; the temp folder is cleaned by the OS.
        }
    }
}
