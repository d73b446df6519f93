using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltPay.SuperOps;

/// <summary>Creates <see cref="SuperOpsClient"/> instances that share the HTTP handler pool and the rate budget.</summary>
public sealed class SuperOpsClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptions<SuperOpsOptions> options,
    SuperOpsRateBudget rateBudget,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    /// <summary>Name of the <see cref="HttpClient"/> registered by <see cref="SuperOpsServiceCollectionExtensions.AddSuperOpsClient"/>.</summary>
    public const string HttpClientName = "AltPay.SuperOps";

    private readonly ILogger _logger = loggerFactory.CreateLogger<SuperOpsClient>();

    public SuperOpsClient Create(SuperOpsCredentials credentials, SuperOpsPriority priority = SuperOpsPriority.Background)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (string.IsNullOrWhiteSpace(credentials.Subdomain))
        {
            throw new ArgumentException("The SuperOps subdomain is empty; copy it from SuperOps (Settings > My MSP > MSP Information).", nameof(credentials));
        }

        if (string.IsNullOrWhiteSpace(credentials.ApiToken))
        {
            throw new ArgumentException("The SuperOps API token is empty; generate one in SuperOps (Settings > Your Profile > API Token).", nameof(credentials));
        }

        var transport = new SuperOpsTransport(httpClientFactory.CreateClient(HttpClientName), credentials, priority, options.Value,
            rateBudget, timeProvider, _logger);
        return new SuperOpsClient(transport, _logger);
    }
}
