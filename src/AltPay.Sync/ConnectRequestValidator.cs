using System.Text.RegularExpressions;
using AltPay.Domain;
using AltPay.SuperOps;

namespace AltPay.Sync;

/// <summary>Checks the shape of a connect request before anything is sent to SuperOps.</summary>
public static partial class ConnectRequestValidator
{
    /// <summary>A validated request: subdomain lower-cased, token trimmed, region and currency parsed.</summary>
    public sealed record ValidConnectRequest(string Subdomain, string ApiToken, SuperOpsRegion Region, string RegionName, string Currency);

    public static ValidConnectRequest Validate(ConnectRequest request)
    {
        var errors = new Dictionary<string, string>();

        var subdomain = request.Subdomain?.Trim().ToLowerInvariant() ?? "";
        if (subdomain.Length == 0)
        {
            errors["subdomain"] = "The subdomain is missing. Copy it from SuperOps under Settings > My MSP > MSP Information.";
        }
        else if (!SubdomainPattern().IsMatch(subdomain))
        {
            errors["subdomain"] = $"The subdomain '{Shorten(subdomain)}' is not valid: use the letters, digits and hyphens before .superops.ai in your SuperOps address.";
        }

        var token = request.ApiToken?.Trim() ?? "";
        if (token.Length == 0)
        {
            errors["apiToken"] = "The API token is missing. Generate one in SuperOps under Settings > Your Profile > API Token > Generate Token.";
        }
        else if (token.Length > 4096 || token.Any(char.IsWhiteSpace))
        {
            errors["apiToken"] = "The API token is not valid: paste the token exactly as SuperOps shows it, without spaces or line breaks.";
        }

        var regionName = request.Region?.Trim().ToLowerInvariant() ?? "us";
        SuperOpsRegion region = default;
        if (regionName == "us")
        {
            region = SuperOpsRegion.Us;
        }
        else if (regionName == "eu")
        {
            region = SuperOpsRegion.Eu;
        }
        else
        {
            errors["region"] = $"The region '{Shorten(regionName)}' is not valid: use \"us\" or \"eu\", the data centre of your SuperOps tenant.";
        }

        var currency = string.IsNullOrWhiteSpace(request.Currency) ? Money.DefaultCurrency : request.Currency.Trim().ToUpperInvariant();
        if (!Money.IsCurrencyCode(currency))
        {
            errors["currency"] = $"The currency '{Shorten(currency)}' is not valid: use a three-letter ISO 4217 code such as USD or EUR.";
        }

        if (errors.Count > 0)
        {
            throw new ConnectionInputException(errors);
        }

        return new ValidConnectRequest(subdomain, token, region, regionName, currency);
    }

    // Bad input is echoed back, so a pasted secret or a huge value is cut short.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex SubdomainPattern();
}
