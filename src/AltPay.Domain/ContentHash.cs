using System.Security.Cryptography;
using System.Text;

namespace AltPay.Domain;

/// <summary>Hashes the fields of a record so that an unchanged record can be skipped without a write.</summary>
public static class ContentHash
{
    public static string Of(params string?[] parts)
    {
        var builder = new StringBuilder();

        foreach (var part in parts)
        {
            // Length-prefixing keeps ("ab", "c") and ("a", "bc") apart.
            builder.Append(part?.Length ?? -1).Append(':').Append(part).Append('|');
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexString(bytes, 0, 16);
    }
}
