using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace AltPay.SuperOps;

public static class SuperOpsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SuperOpsClientFactory"/>, the per-token <see cref="SuperOpsRateBudget"/> and the HTTP client
    /// they use, with <see cref="SuperOpsOptions"/> bound from the section <c>AltPay:SuperOps</c> and validated at start.
    /// </summary>
    public static IServiceCollection AddSuperOpsClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SuperOpsOptions>()
            .Bind(configuration.GetSection(SuperOpsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SuperOpsOptions>, SuperOpsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new SuperOpsRateBudget(
            provider.GetRequiredService<IOptions<SuperOpsOptions>>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SuperOpsClientFactory>();

        var httpClient = services.AddHttpClient(SuperOpsClientFactory.HttpClientName, client =>
            {
                // Each attempt has its own timeout (SuperOpsOptions.RequestTimeout) driven by TimeProvider.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(15),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            });

        // The client retries by itself and must never resend a mutation whose outcome is unknown, so a host-wide
        // standard resilience handler (ConfigureHttpClientDefaults) must not wrap it.
#pragma warning disable EXTEXP0001 // Experimental in Microsoft.Extensions.Http.Resilience 10.11.0, and the only way to opt out of those defaults.
        httpClient.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        return services;
    }
}
