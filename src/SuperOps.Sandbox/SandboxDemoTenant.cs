namespace SuperOps.Sandbox;

/// <summary>The demo tenant the standalone sandbox creates at start-up.</summary>
public static class SandboxDemoTenant
{
    public const string Subdomain = "demo";
    public const string ApiToken = "sandbox-demo-token";
    public const string Region = "us";

    public static SandboxTenantSpec Spec { get; } =
        new(Subdomain, ApiToken, Region, Seed: new SandboxSeed(Clients: 25, InvoicesPerClient: 8, LinesPerInvoice: 3, RandomSeed: 2026));

    /// <summary>Creates the demo tenant unless it already exists.</summary>
    public static SandboxTenantCreated? EnsureCreated(SandboxTenantStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Exists(Subdomain))
        {
            return null;
        }

        try
        {
            return store.CreateTenant(Spec);
        }
        catch (SandboxTenantExistsException)
        {
            // Another caller created it between the check and the call.
            return null;
        }
    }
}
