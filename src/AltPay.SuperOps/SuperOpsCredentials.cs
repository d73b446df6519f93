namespace AltPay.SuperOps;

/// <summary>SuperOps data centre that hosts a tenant.</summary>
public enum SuperOpsRegion
{
    Us,
    Eu,
}

/// <summary>What a SuperOps call authenticates with: the MSP subdomain, a personal API token and the region.</summary>
public sealed record SuperOpsCredentials(string Subdomain, string ApiToken, SuperOpsRegion Region)
{
    // The token is a secret: the compiler-generated ToString would print it into logs and exceptions.
    public override string ToString() =>
        $"SuperOpsCredentials {{ Subdomain = {Subdomain}, Region = {Region}, ApiToken = (hidden) }}";
}

/// <summary>Queue a request waits in for the shared per-token rate budget.</summary>
public enum SuperOpsPriority
{
    Background,

    /// <summary>Payment write-back: served before background work and has a reserved share of the budget.</summary>
    WriteBack,
}
