using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Browser.Tests.Infrastructure;

/// <summary>
/// The AltPay host in demo mode on Kestrel at a loopback port of its own, with a fresh data directory.
/// The sandbox is mounted and seeded with the demo tenant. The demo partner gets fixed credentials so
/// the browser can sign in. Scheduling is off, so only the tests start runs.
/// </summary>
public sealed class DemoHost : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@browser-demo.example";

    public const string AdminPassword = "Browser-demo-password-42";

    public const string ApiKey = "ap_live_BrowserTestKey0123456789abcdefgh";

    public DemoHost()
    {
        DataDirectory = Directory.CreateTempSubdirectory("altpay-browser-tests-").FullName;
        Port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        UseKestrel(Port);
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>The seeded sandbox tenant's subdomain and API token, as demo mode stored them.</summary>
    public DemoTenantFile SandboxTenant
    {
        get
        {
            Start();
            return DemoTenantFile.LoadOrCreate(DataDirectory);
        }
    }

    /// <summary>Starts the host once; later calls return at once.</summary>
    public void Start() => StartServer();

    /// <summary>Returns the absolute URL of a path on this host, starting the host first.</summary>
    public string Url(string path)
    {
        Start();
        return new Uri(BaseAddress, path).ToString();
    }

    /// <summary>Creates a dashboard user of the demo partner with one role, through the Identity user manager.</summary>
    public async Task CreateUserAsync(string email, string password, string role)
    {
        Start();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PartnerUser>>();

        var admin = await users.FindByEmailAsync(AdminEmail);
        Assert.NotNull(admin);

        var user = new PartnerUser { PartnerId = admin.PartnerId, UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(error => error.Description)));
        var added = await users.AddToRoleAsync(user, role);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(error => error.Description)));
    }

    /// <summary>Returns an invoice's outstanding balance as the Amount field takes it, such as 1234.50.</summary>
    public async Task<string> ReadBalanceAsync(Guid invoiceId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>();
        var invoice = await db.Invoices.IgnoreQueryFilters().AsNoTracking().SingleAsync(row => row.Id == invoiceId);
        var balance = Money.FromMinorUnits(invoice.OutstandingMinor, invoice.Currency);
        return balance.ToString("F" + Money.MinorDigits(invoice.Currency), CultureInfo.InvariantCulture);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("AltPay:DataDirectory", DataDirectory);
        builder.UseSetting("AltPay:Sandbox:Enabled", "true");
        builder.UseSetting("AltPay:Sandbox:SeedDemoTenant", "true");
        builder.UseSetting("AltPay:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("AltPay:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("AltPay:Bootstrap:ApiKey", ApiKey);
        builder.UseSetting("AltPay:SuperOps:UsBaseUrl", $"{BaseAddress}sandbox/us/msp");
        builder.UseSetting("AltPay:SuperOps:EuBaseUrl", $"{BaseAddress}sandbox/eu/msp");
        builder.UseSetting("AltPay:SuperOps:RetryBaseDelay", "00:00:00.050");
        builder.UseSetting("AltPay:Sync:SchedulingEnabled", "false");
        builder.UseSetting("AltPay:SignInAttemptsPerMinute", "1000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);

        if (disposing)
        {
            // Pooled SQLite connections keep the file open; release them before deleting the folder.
            SqliteConnection.ClearAllPools();

            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing background run; the temp folder is left behind.
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
