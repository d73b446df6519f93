using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SuperOps.Sandbox.Model;
using SuperOps.Sandbox.Seeding;

namespace SuperOps.Sandbox;

/// <summary>Input of <see cref="SandboxTenantStore.CreateTenant"/>, the same fields as POST /admin/tenants.</summary>
/// <param name="Region">"us" or "eu", which selects the endpoint (/us/msp or /eu/msp) that serves the tenant.</param>
public sealed record SandboxTenantSpec(
    string Subdomain,
    string ApiToken,
    string Region,
    bool DocumentedSchemaOnly = false,
    SandboxSeed? Seed = null);

/// <summary>Size of the generated books; <paramref name="LinesPerInvoice"/> is the mean (each invoice has 1 to 8 lines).</summary>
public sealed record SandboxSeed(int Clients, int InvoicesPerClient, int LinesPerInvoice, int RandomSeed);

/// <summary>Counts of what a new tenant holds.</summary>
public sealed record SandboxTenantCreated(string Subdomain, int Clients, int Invoices, int Lines);

/// <summary>Raised when a tenant with the same subdomain already exists.</summary>
public sealed class SandboxTenantExistsException(string subdomain)
    : InvalidOperationException($"A sandbox tenant with subdomain '{subdomain}' already exists; choose another subdomain.")
{
    public string Subdomain { get; } = subdomain;
}

/// <summary>The in-memory SuperOps tenants. Thread-safe; registered as a singleton.</summary>
public sealed class SandboxTenantStore
{
    public const int MaxClients = 100_000;
    public const int MaxInvoicesPerClient = 1_000;
    public const int MaxInvoices = 1_000_000;

    private readonly ConcurrentDictionary<string, SandboxTenant> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _timeProvider;

    public SandboxTenantStore(TimeProvider timeProvider, IOptions<SandboxOptions> options)
    {
        _timeProvider = timeProvider;
        Options = options.Value;
    }

    internal SandboxOptions Options { get; }

    internal TimeProvider TimeProvider => _timeProvider;

    /// <summary>Today's date in UTC by the store's clock; invoice dates and OVERDUE use it.</summary>
    internal DateOnly Today => DateOnly.FromDateTime(_timeProvider.GetUtcNow().UtcDateTime);

    public bool Exists(string subdomain) => _tenants.ContainsKey(subdomain);

    /// <summary>Creates and seeds a tenant.</summary>
    /// <exception cref="ArgumentException">A field of <paramref name="spec"/> is invalid; the message names it.</exception>
    /// <exception cref="SandboxTenantExistsException">The subdomain is taken.</exception>
    public SandboxTenantCreated CreateTenant(SandboxTenantSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Validate(spec);
        if (Exists(spec.Subdomain))
        {
            throw new SandboxTenantExistsException(spec.Subdomain);
        }

        var region = spec.Region.ToLowerInvariant();
        var randomSeed = spec.Seed?.RandomSeed ?? StableHash(spec.Subdomain);
        var tenant = new SandboxTenant(spec.Subdomain, spec.ApiToken, region, spec.DocumentedSchemaOnly, randomSeed);
        tenant.Settings.RequestsPerMinute = Options.DefaultRequestsPerMinute;
        TenantSeeder.Seed(tenant, spec.Seed, Today);

        if (!_tenants.TryAdd(spec.Subdomain, tenant))
        {
            throw new SandboxTenantExistsException(spec.Subdomain);
        }

        return new SandboxTenantCreated(spec.Subdomain, tenant.Clients.Count, tenant.Invoices.Count, tenant.Lines.Count);
    }

    internal SandboxTenant? Find(string subdomain) => _tenants.TryGetValue(subdomain, out var tenant) ? tenant : null;

    private void Validate(SandboxTenantSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.Subdomain))
        {
            throw new ArgumentException("subdomain is missing; give the tenant's subdomain.", nameof(spec));
        }

        if (string.IsNullOrWhiteSpace(spec.ApiToken))
        {
            throw new ArgumentException("apiToken is missing; give the token clients will send as Bearer.", nameof(spec));
        }

        if (!string.Equals(spec.Region, "us", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(spec.Region, "eu", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"region '{spec.Region}' is invalid; use \"us\" or \"eu\".", nameof(spec));
        }

        if (spec.Seed is { } seed)
        {
            if (seed.Clients < 0 || seed.Clients > MaxClients)
            {
                throw new ArgumentException($"seed.clients {seed.Clients} is invalid; use 0 to {MaxClients}.", nameof(spec));
            }

            if (seed.InvoicesPerClient < 0 || seed.InvoicesPerClient > MaxInvoicesPerClient)
            {
                throw new ArgumentException(
                    $"seed.invoicesPerClient {seed.InvoicesPerClient} is invalid; use 0 to {MaxInvoicesPerClient}.", nameof(spec));
            }

            if ((long)seed.Clients * seed.InvoicesPerClient > MaxInvoices)
            {
                throw new ArgumentException(
                    $"seed.clients × seed.invoicesPerClient is {(long)seed.Clients * seed.InvoicesPerClient}; the maximum is {MaxInvoices}.", nameof(spec));
            }

            if (seed.LinesPerInvoice < 1 || seed.LinesPerInvoice > TenantSeeder.MaxLinesPerInvoice)
            {
                throw new ArgumentException(
                    $"seed.linesPerInvoice {seed.LinesPerInvoice} is invalid; use 1 to {TenantSeeder.MaxLinesPerInvoice}.", nameof(spec));
            }
        }
    }

    /// <summary>FNV-1a over the lower-case subdomain, so unseeded tenants still get stable ids.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var ch in text.ToLowerInvariant())
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
