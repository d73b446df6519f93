using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AltPay.Web.Tests.Infrastructure;

/// <summary>A partner created through the operator endpoint, with the secrets shown at creation.</summary>
public sealed record TestPartner(Guid Id, string Name, string ApiKey, string AdminEmail, string AdminPassword);

/// <summary>
/// The AltPay host on Kestrel at a loopback port of its own, with its own data directory, the sandbox
/// mounted and the SuperOps base URLs pointing back at it, so the app calls the sandbox over real HTTP.
/// Scheduling is off so that only the tests start runs.
/// </summary>
public class AltPayApp : WebApplicationFactory<Program>
{
    public const string OperatorKey = "operator-key-for-tests-0123456789abcdef";

    public AltPayApp()
        : this(null)
    {
    }

    /// <summary>Uses <paramref name="dataDirectory"/> when given, so a second host can start on the first one's data.</summary>
    protected AltPayApp(string? dataDirectory)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("altpay-web-tests-").FullName;
        Port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        UseKestrel(Port);
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Leaves the data directory in place on dispose, for a restart on the same data.</summary>
    public bool KeepDataDirectory { get; set; }

    /// <summary>Extra settings a test class needs; applied after the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Starts the host once; later calls return at once.</summary>
    public void Start()
    {
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("AltPay:DataDirectory", DataDirectory);
        builder.UseSetting("AltPay:Sandbox:Enabled", "true");
        builder.UseSetting("AltPay:Sandbox:SeedDemoTenant", "false");
        builder.UseSetting("AltPay:OperatorApiKey", OperatorKey);
        builder.UseSetting("AltPay:SuperOps:UsBaseUrl", $"{BaseAddress}sandbox/us/msp");
        builder.UseSetting("AltPay:SuperOps:EuBaseUrl", $"{BaseAddress}sandbox/eu/msp");
        builder.UseSetting("AltPay:SuperOps:RetryBaseDelay", "00:00:00.050");
        builder.UseSetting("AltPay:Sync:SchedulingEnabled", "false");
        builder.UseSetting("AltPay:SignInAttemptsPerMinute", "1000");

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        });
    }

    /// <summary>Returns a client of the real server; it keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateBrowserClient()
    {
        Start();
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    /// <summary>Returns a client of the real server that sends the partner's API key.</summary>
    public HttpClient CreateApiClient(string? apiKey)
    {
        Start();
        var client = new HttpClient { BaseAddress = BaseAddress };

        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public async Task<TestPartner> CreatePartnerAsync(string name)
    {
        using var client = CreateApiClient(OperatorKey);
        using var response = await client.PostAsJsonAsync("/api/v1/operator/partners", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var created = await response.Content.ReadFromJsonAsync<TestPartner>(JsonSerializerOptions.Web);
        return created!;
    }

    /// <summary>Creates a seeded US tenant in the mounted sandbox through its admin API.</summary>
    public async Task CreateSandboxTenantAsync(string subdomain, string apiToken, int clients, int invoicesPerClient, int linesPerInvoice)
    {
        using var client = CreateApiClient(null);
        using var response = await client.PostAsJsonAsync("/sandbox/admin/tenants", new
        {
            subdomain,
            apiToken,
            region = "us",
            seed = new { clients, invoicesPerClient, linesPerInvoice, randomSeed = 4242 },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public async Task<JsonArray> GetSandboxListingAsync(string subdomain, string what)
    {
        using var client = CreateApiClient(null);
        var listing = await client.GetFromJsonAsync<JsonArray>($"/sandbox/admin/tenants/{subdomain}/{what}");
        return listing!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);

        if (disposing)
        {
            // Pooled SQLite connections keep the file open; release them before deleting the folder.
            SqliteConnection.ClearAllPools();

            if (!KeepDataDirectory)
            {
                TryDeleteDataDirectory();
            }
        }
    }

    public void TryDeleteDataDirectory()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing background run; the temp folder is left behind.
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
