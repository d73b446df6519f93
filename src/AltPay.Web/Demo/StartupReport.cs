namespace AltPay.Web.Demo;

/// <summary>What the start-up banner shows. <see cref="NewCredentials"/> is set only on the start that created them.</summary>
public sealed class StartupReport
{
    public DemoTenantFile? SandboxTenant { get; set; }

    public string? AdminEmail { get; set; }

    public Partners.ProvisionedPartner? NewCredentials { get; set; }

    public string? CredentialsFile { get; set; }

    public bool IsEmpty => SandboxTenant is null && AdminEmail is null;
}
