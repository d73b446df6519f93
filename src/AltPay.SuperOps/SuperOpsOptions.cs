using Microsoft.Extensions.Options;

namespace AltPay.SuperOps;

/// <summary>Settings of the SuperOps client, bound from the configuration section <c>AltPay:SuperOps</c>.</summary>
public sealed class SuperOpsOptions
{
    public const string SectionName = "AltPay:SuperOps";

    /// <summary>GraphQL endpoint of the US data centre.</summary>
    public Uri UsBaseUrl { get; set; } = new("https://api.superops.ai/msp");

    /// <summary>GraphQL endpoint of the EU data centre.</summary>
    public Uri EuBaseUrl { get; set; } = new("https://euapi.superops.ai/msp");

    /// <summary>Requests per rolling minute per API token, retries included; 0 turns the client-side budget off.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Time one HTTP attempt may take, from sending the request to reading the whole response.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for transient failures (throttles, internal errors, timeouts).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>Delay before the first retry; later retries double it, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class SuperOpsOptionsValidator : IValidateOptions<SuperOpsOptions>
{
    public ValidateOptionsResult Validate(string? name, SuperOpsOptions options)
    {
        var failures = new List<string>();

        CheckEndpoint(failures, "UsBaseUrl", options.UsBaseUrl);
        CheckEndpoint(failures, "EuBaseUrl", options.EuBaseUrl);

        if (options.RequestsPerMinute < 0)
        {
            failures.Add($"{SuperOpsOptions.SectionName}:RequestsPerMinute is {options.RequestsPerMinute}; set 0 (no client-side limit) or a positive number of requests per minute.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{SuperOpsOptions.SectionName}:RequestTimeout is {options.RequestTimeout}; set a positive time span such as 00:00:30.");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            failures.Add($"{SuperOpsOptions.SectionName}:MaxRetries is {options.MaxRetries}; set a number from 0 to 20.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{SuperOpsOptions.SectionName}:RetryBaseDelay is {options.RetryBaseDelay} and RetryMaxDelay {options.RetryMaxDelay}; the base delay must be positive and not above the maximum.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckEndpoint(List<string> failures, string key, Uri? value)
    {
        if (value is null || !value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{SuperOpsOptions.SectionName}:{key} is '{value}'; set the absolute http(s) URL of the SuperOps GraphQL endpoint, such as https://api.superops.ai/msp.");
        }
    }
}
