using System.Text.Json;
using AltPay.Web.Partners;

namespace AltPay.Web.Demo;

/// <summary>
/// The demo SuperOps tenant's subdomain and token, kept in the data directory. The sandbox lives in
/// memory and is seeded again on every start, so the token must come from here to stay the same.
/// </summary>
public sealed record DemoTenantFile(string Subdomain, string ApiToken)
{
    public const string FileName = "demo-tenant.json";

    public const string DefaultSubdomain = "demo-msp";

    public static DemoTenantFile LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);

        if (File.Exists(path))
        {
            var stored = JsonSerializer.Deserialize<DemoTenantFile>(File.ReadAllText(path), JsonSerializerOptions.Web);

            if (stored is { Subdomain.Length: > 0, ApiToken.Length: > 0 })
            {
                return stored;
            }
        }

        var created = new DemoTenantFile(DefaultSubdomain, "sbx_" + GeneratedSecrets.NewToken());
        PrivateFile.Write(path, JsonSerializer.Serialize(created, JsonSerializerOptions.Web));
        return created;
    }
}
