using System.Globalization;
using AltPay.Data;
using AltPay.Web.Auth;
using AltPay.Web.Partners;
using Microsoft.EntityFrameworkCore;
using SuperOps.Sandbox;

namespace AltPay.Web.Demo;

/// <summary>
/// Prepares demo mode at start-up: seeds the sandbox tenant and creates the demo partner once. The
/// partner is also created outside demo mode when <c>AltPay:Bootstrap:ApiKey</c> is set and no partner
/// has that key yet.
/// </summary>
internal sealed class DemoSeeder(
    AltPayOptions options, IServiceProvider services, TimeProvider timeProvider, ILogger<DemoSeeder> logger)
{
    public const string DemoPartnerName = "Demo MSP";

    public const string DefaultAdminEmail = "admin@demo-msp.example";

    public const string CredentialsFileName = "demo-credentials.txt";

    // Fixed so the demo books look the same after every restart.
    private static readonly SandboxSeed DemoSeed = new(Clients: 25, InvoicesPerClient: 4, LinesPerInvoice: 3, RandomSeed: 20261204);

    public async Task<StartupReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new StartupReport();
        var sandboxEnabled = options.Sandbox.Enabled == true;

        if (sandboxEnabled && options.Sandbox.SeedDemoTenant)
        {
            report.SandboxTenant = SeedSandboxTenant();
        }

        if (sandboxEnabled || options.Bootstrap.ApiKey is not null)
        {
            await EnsureBootstrapPartnerAsync(report, cancellationToken);
        }

        return report;
    }

    private DemoTenantFile SeedSandboxTenant()
    {
        var tenant = DemoTenantFile.LoadOrCreate(options.DataDirectoryPath);
        var store = services.GetRequiredService<SandboxTenantStore>();

        if (!store.Exists(tenant.Subdomain))
        {
            var created = store.CreateTenant(new SandboxTenantSpec(tenant.Subdomain, tenant.ApiToken, "us", false, DemoSeed));
            Log.DemoTenantSeeded(logger, created.Subdomain, created.Clients, created.Invoices, created.Lines);
        }

        return tenant;
    }

    private async Task EnsureBootstrapPartnerAsync(StartupReport report, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>();
        var provisioner = scope.ServiceProvider.GetRequiredService<PartnerProvisioner>();
        var bootstrap = options.Bootstrap;

        var demoPartner = await db.Partners.AsNoTracking()
            .Where(partner => partner.Name == DemoPartnerName)
            .OrderBy(partner => partner.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

        if (demoPartner is null)
        {
            var created = await provisioner.CreateAsync(
                DemoPartnerName,
                bootstrap.AdminEmail ?? DefaultAdminEmail,
                bootstrap.AdminPassword ?? GeneratedSecrets.NewPassword(),
                bootstrap.ApiKey ?? ApiKeyFormat.Generate(),
                cancellationToken);
            Log.BootstrapPartnerCreated(logger, created.PartnerId);

            report.NewCredentials = created;
            report.AdminEmail = created.AdminEmail;
            report.CredentialsFile = WriteCredentialsFile(created);
            return;
        }

        if (bootstrap.ApiKey is { } apiKey && !await KeyExistsAsync(db, apiKey, cancellationToken))
        {
            await provisioner.AddApiKeyAsync(demoPartner.Id, apiKey, "Bootstrap key", cancellationToken);
            Log.BootstrapKeyAdded(logger, demoPartner.Id);
        }

        report.AdminEmail = await db.Users.AsNoTracking()
            .Where(user => user.PartnerId == demoPartner.Id)
            .OrderBy(user => user.Email)
            .Select(user => user.Email)
            .FirstOrDefaultAsync(cancellationToken);

        var credentialsFile = Path.Combine(options.DataDirectoryPath, CredentialsFileName);
        report.CredentialsFile = File.Exists(credentialsFile) ? credentialsFile : null;
    }

    private static Task<bool> KeyExistsAsync(AltPayDbContext db, string apiKey, CancellationToken cancellationToken)
    {
        var hash = ApiKeyFormat.Hash(apiKey);
        return db.ApiKeys.IgnoreQueryFilters().AnyAsync(key => key.Hash == hash, cancellationToken);
    }

    private string WriteCredentialsFile(ProvisionedPartner created)
    {
        var path = Path.Combine(options.DataDirectoryPath, CredentialsFileName);
        var createdAt = timeProvider.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var contents =
            $"""
            AltPay demo partner "{created.Name}", created {createdAt}.
            AltPay stores only hashes of these, so this file is the only copy. Delete it once you have saved them elsewhere.

            Dashboard email:    {created.AdminEmail}
            Dashboard password: {created.AdminPassword}
            API key:            {created.ApiKey}

            """;

        PrivateFile.Write(path, contents);
        return path;
    }
}
