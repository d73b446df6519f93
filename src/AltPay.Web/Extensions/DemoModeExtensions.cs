using AltPay.Web.Demo;
using SuperOps.Sandbox;

namespace AltPay.Web.Extensions;

public static class DemoModeExtensions
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// Listens on http://localhost:5080 unless ASPNETCORE_URLS sets another address and, in demo mode,
    /// registers the sandbox and points the SuperOps base URLs at it unless they are configured.
    /// </summary>
    public static void AddAltPayDemoMode(this WebApplicationBuilder builder, AltPayOptions options)
    {
        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);

        if (string.IsNullOrWhiteSpace(urls))
        {
            urls = DefaultUrl;
            builder.WebHost.UseUrls(urls);
        }

        if (options.Sandbox.Enabled != true)
        {
            return;
        }

        builder.Services.AddSuperOpsSandbox();

        var self = SelfBaseUrl(urls);
        var defaults = new Dictionary<string, string?>();
        AddUnlessSet(builder.Configuration, defaults, "AltPay:SuperOps:UsBaseUrl", $"{self}/sandbox/us/msp");
        AddUnlessSet(builder.Configuration, defaults, "AltPay:SuperOps:EuBaseUrl", $"{self}/sandbox/eu/msp");
        builder.Configuration.AddInMemoryCollection(defaults);
    }

    /// <summary>Mounts the sandbox at /sandbox in demo mode.</summary>
    public static void MapAltPayDemoMode(this WebApplication app, AltPayOptions options)
    {
        if (options.Sandbox.Enabled == true)
        {
            app.MapSuperOpsSandbox("/sandbox");
        }
    }

    /// <summary>Seeds the demo tenant and partner, then prints the banner once the server listens.</summary>
    public static async Task SeedAltPayDemoAsync(this WebApplication app, AltPayOptions options)
    {
        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(app.Services, options);
        var report = await seeder.RunAsync(app.Lifetime.ApplicationStopping);
        StartupBanner.PrintWhenStarted(app, report);
    }

    private static void AddUnlessSet(IConfiguration configuration, Dictionary<string, string?> defaults, string key, string value)
    {
        if (string.IsNullOrEmpty(configuration[key]))
        {
            defaults[key] = value;
        }
    }

    // The first listening URL, with a wildcard host replaced by loopback so the host can call itself.
    private static string SelfBaseUrl(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .OrderBy(url => url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
            .First();

        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
        {
            first = first.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
        }

        return first.TrimEnd('/');
    }
}
