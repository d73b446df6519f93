using System.Buffers.Text;
using System.Security.Cryptography;

namespace AltPay.Web.Partners;

/// <summary>Random passwords and tokens for generated accounts and the demo tenant.</summary>
public static class GeneratedSecrets
{
    /// <summary>
    /// Returns a 20-character password. The fixed tail guarantees the upper-case letter, lower-case letter,
    /// digit and symbol that Identity's default password rules require.
    /// </summary>
    public static string NewPassword() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12)) + "Aa1!";

    /// <summary>Returns 40 random hex characters.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    /// <summary>Returns 8 random hex characters for unique names.</summary>
    public static string NewSuffix() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}
