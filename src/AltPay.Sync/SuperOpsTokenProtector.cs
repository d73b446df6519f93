using AltPay.Domain;
using AltPay.SuperOps;
using Microsoft.AspNetCore.DataProtection;

namespace AltPay.Sync;

/// <summary>Encrypts SuperOps API tokens at rest with ASP.NET Core Data Protection.</summary>
public sealed class SuperOpsTokenProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("AltPay.SuperOps.ApiToken.v1");

    public string Protect(string token) => _protector.Protect(token);

    public string Unprotect(string protectedToken) => _protector.Unprotect(protectedToken);

    /// <summary>Returns the credentials a connection calls SuperOps with; throws when its token was erased.</summary>
    public SuperOpsCredentials CredentialsFor(SuperOpsConnection connection)
    {
        if (connection.ProtectedToken is null)
        {
            throw new NotConnectedException();
        }

        var region = connection.Region == "eu" ? SuperOpsRegion.Eu : SuperOpsRegion.Us;
        return new SuperOpsCredentials(connection.Subdomain, Unprotect(connection.ProtectedToken), region);
    }

    /// <summary>Returns the last four characters, the only part of a token AltPay ever shows.</summary>
    public static string LastFour(string token) => token.Length <= 4 ? token : token[^4..];
}
