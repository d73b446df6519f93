using System.Security.Cryptography;
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

    /// <summary>
    /// Returns the credentials a connection calls SuperOps with. Throws <see cref="NotConnectedException"/>
    /// when its token was erased and <see cref="TokenUnreadableException"/> when it cannot be decrypted.
    /// </summary>
    public SuperOpsCredentials CredentialsFor(SuperOpsConnection connection)
    {
        if (connection.ProtectedToken is null)
        {
            throw new NotConnectedException();
        }

        string token;
        try
        {
            token = Unprotect(connection.ProtectedToken);
        }
        catch (CryptographicException exception)
        {
            throw new TokenUnreadableException(exception);
        }

        var region = connection.Region == "eu" ? SuperOpsRegion.Eu : SuperOpsRegion.Us;
        return new SuperOpsCredentials(connection.Subdomain, token, region);
    }

    /// <summary>Returns the last four characters, the only part of a token AltPay ever shows.</summary>
    public static string LastFour(string token) => token.Length <= 4 ? token : token[^4..];
}

/// <summary>Error raised when the stored SuperOps token cannot be decrypted, because the Data Protection keys that encrypted it are gone.</summary>
public sealed class TokenUnreadableException(Exception inner) : Exception(Text, inner)
{
    public const string Text =
        "AltPay cannot decrypt the stored SuperOps API token, because its Data Protection keys changed or were lost. "
        + "Connect SuperOps again under Integrations > SuperOps with an API token.";
}
