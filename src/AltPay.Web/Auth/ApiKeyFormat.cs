using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AltPay.Web.Auth;

/// <summary>
/// Partner API keys: <c>ap_live_</c> followed by 32 random base64url characters (24 random bytes).
/// Only the SHA-256 hash and the first <see cref="PrefixLength"/> characters are stored.
/// </summary>
public static class ApiKeyFormat
{
    public const string Marker = "ap_live_";

    public const int RandomLength = 32;

    public const int PrefixLength = 12;

    private const int RandomBytes = 24;

    public static string Generate() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static bool IsWellFormed(string? key) =>
        key is not null
        && key.Length == Marker.Length + RandomLength
        && key.StartsWith(Marker, StringComparison.Ordinal)
        && key.AsSpan(Marker.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    /// <summary>Returns the lower-case hex SHA-256 of the key, the form it is stored and looked up in.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Prefix(string key) => key[..PrefixLength];

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
