using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace SuperOps.Sandbox;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port and the sandbox mapped at the root, for tests.
/// Runs in the Development environment, so the admin API is mapped.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        UsEndpoint = new Uri(baseAddress, "us/msp");
        EuEndpoint = new Uri(baseAddress, "eu/msp");
        Tenants = app.Services.GetRequiredService<SandboxTenantStore>();
    }

    /// <summary>Root address ending in a slash, for example http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    public Uri UsEndpoint { get; }

    public Uri EuEndpoint { get; }

    public SandboxTenantStore Tenants { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SandboxHost> StartAsync(
        TimeProvider? timeProvider = null,
        Action<SandboxOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ApplicationName = typeof(SandboxHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddSuperOpsSandbox(configure);

        var app = builder.Build();
        app.MapSuperOpsSandbox();
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
