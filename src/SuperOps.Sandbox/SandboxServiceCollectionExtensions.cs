using Microsoft.Extensions.DependencyInjection.Extensions;
using SuperOps.Sandbox.GraphQL;
using SuperOps.Sandbox.Http;

namespace SuperOps.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the tenant store (singleton), the two GraphQL schemas and <see cref="SandboxOptions"/>.
    /// Uses the <see cref="TimeProvider"/> from DI, adding <see cref="TimeProvider.System"/> if none is registered.
    /// </summary>
    public static IServiceCollection AddSuperOpsSandbox(this IServiceCollection services, Action<SandboxOptions>? configure = null)
    {
        var options = services.AddOptions<SandboxOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SandboxTenantStore>();
        services.TryAddSingleton(_ => SandboxSchemas.Shared);
        services.TryAddSingleton<GraphQLEndpoint>();
        return services;
    }
}
