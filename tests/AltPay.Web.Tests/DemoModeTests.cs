using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AltPay.Data;
using AltPay.Web.Demo;
using AltPay.Web.Partners;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed class DemoModeTests
{
    private const string BootstrapKey = "ap_live_DemoKeyForTests0123456789abcdefg";

    [Fact]
    public async Task DemoSeedsTenantAndPartnerOnce()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("altpay-web-demo-").FullName;
        string firstToken;

        try
        {
            using (var first = new DemoApp(dataDirectory) { KeepDataDirectory = true })
            {
                first.Start();
                var clients = await first.GetSandboxListingAsync(DemoTenantFile.DefaultSubdomain, "clients");
                Assert.Equal(25, clients.Count);

                using var api = first.CreateApiClient(BootstrapKey);
                using var response = await api.GetAsync("/api/v1/customers");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);

                firstToken = ReadTenantFile(dataDirectory).ApiToken;
            }

            var credentialsFile = Path.Combine(dataDirectory, "demo-credentials.txt");
            Assert.True(File.Exists(credentialsFile));
            Assert.Contains("admin@demo.example", await File.ReadAllTextAsync(credentialsFile));
            Assert.Contains(BootstrapKey, await File.ReadAllTextAsync(credentialsFile));

            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentialsFile));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dataDirectory, DemoTenantFile.FileName)));
            }

            using var second = new DemoApp(dataDirectory) { KeepDataDirectory = true };
            second.Start();

            Assert.Equal(firstToken, ReadTenantFile(dataDirectory).ApiToken);
            await using var scope = second.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>();
            Assert.Equal(1, await db.Partners.CountAsync(partner => partner.Name == DemoSeeder.DemoPartnerName));
            Assert.Equal(1, await db.ApiKeys.IgnoreQueryFilters().CountAsync());

            using var connect = second.CreateApiClient(BootstrapKey);
            var run = await connect.ConnectAndSyncAsync(DemoTenantFile.DefaultSubdomain, firstToken);
            Assert.Equal("succeeded", run["status"]!.GetValue<string>());
            var customers = await connect.GetFromJsonAsync<JsonNode>("/api/v1/customers");
            Assert.Equal(25, customers!["totalCount"]!.GetValue<int>());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void BannerShowsSecretsOnlyWhenNew()
    {
        var tenant = new DemoTenantFile("demo-msp", "sbx_token");
        var created = new ProvisionedPartner(Guid.NewGuid(), "Demo MSP", "admin@demo.example", "Secret-password-1", BootstrapKey);

        var first = StartupBanner.Format("http://localhost:5080", new StartupReport
        {
            SandboxTenant = tenant, AdminEmail = created.AdminEmail, NewCredentials = created, CredentialsFile = "/data/demo-credentials.txt",
        });
        var later = StartupBanner.Format("http://localhost:5080", new StartupReport
        {
            SandboxTenant = tenant, AdminEmail = created.AdminEmail, CredentialsFile = "/data/demo-credentials.txt",
        });

        Assert.Contains("Secret-password-1", first);
        Assert.Contains(BootstrapKey, first);
        Assert.DoesNotContain("Secret-password-1", later);
        Assert.DoesNotContain(BootstrapKey, later);
        Assert.Contains("admin@demo.example", later);
        Assert.Contains("http://localhost:5080", later);
        Assert.Contains("sbx_token", later);
        Assert.Contains("/data/demo-credentials.txt", later);
    }

    [Fact]
    public void InvalidSettingsStopStart()
    {
        using var app = new InvalidSettingsApp();

        var exception = Assert.ThrowsAny<Exception>(app.Start);

        var message = exception.ToString();
        Assert.Contains("AltPay:Bootstrap:ApiKey is not a valid key", message);
        Assert.Contains("AltPay:Bootstrap:AdminPassword has 5 characters", message);
    }

    [Fact]
    public async Task SignInIsRateLimited()
    {
        using var app = new RateLimitedApp();
        using var browser = app.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await browser.SignInAsync("nobody@example.com", "not-the-password-1A!");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static DemoTenantFile ReadTenantFile(string dataDirectory) =>
        JsonSerializer.Deserialize<DemoTenantFile>(File.ReadAllText(Path.Combine(dataDirectory, DemoTenantFile.FileName)), JsonSerializerOptions.Web)!;

    private sealed class DemoApp(string dataDirectory) : AltPayApp(dataDirectory)
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["AltPay:Sandbox:SeedDemoTenant"] = "true",
            ["AltPay:Bootstrap:ApiKey"] = BootstrapKey,
            ["AltPay:Bootstrap:AdminEmail"] = "admin@demo.example",
        };
    }

    private sealed class RateLimitedApp : AltPayApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["AltPay:SignInAttemptsPerMinute"] = "2",
        };
    }

    private sealed class InvalidSettingsApp : AltPayApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["AltPay:Bootstrap:ApiKey"] = "not-a-key",
            ["AltPay:Bootstrap:AdminPassword"] = "short",
        };
    }
}
