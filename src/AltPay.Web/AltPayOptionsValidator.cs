using AltPay.Web.Auth;
using Microsoft.Extensions.Options;

namespace AltPay.Web;

/// <summary>Checks <see cref="AltPayOptions"/> at start-up and reports every bad value in one message.</summary>
internal sealed class AltPayOptionsValidator : IValidateOptions<AltPayOptions>
{
    public const int MinimumPasswordLength = 12;

    private const int MinimumOperatorKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, AltPayOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("AltPay:DataDirectory is empty; set a folder path such as .altpay, or remove the setting to use the default.");
        }

        if (options.SignInAttemptsPerMinute < 1)
        {
            failures.Add($"AltPay:SignInAttemptsPerMinute is {options.SignInAttemptsPerMinute}; set a whole number of 1 or more.");
        }

        var bootstrap = options.Bootstrap;

        if (bootstrap.ApiKey is { } apiKey && !ApiKeyFormat.IsWellFormed(apiKey))
        {
            failures.Add($"AltPay:Bootstrap:ApiKey is not a valid key; it must be '{ApiKeyFormat.Marker}' followed by {ApiKeyFormat.RandomLength} letters, digits, '-' or '_'.");
        }

        if (bootstrap.AdminEmail is { } email && !email.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"AltPay:Bootstrap:AdminEmail '{email}' is not an email address; set one such as admin@example.com.");
        }

        if (bootstrap.AdminPassword is { } password && password.Length < MinimumPasswordLength)
        {
            failures.Add($"AltPay:Bootstrap:AdminPassword has {password.Length} characters; set at least {MinimumPasswordLength}, with an upper-case letter, a lower-case letter, a digit and a symbol.");
        }

        if (options.OperatorApiKey is { } operatorKey && operatorKey.Length < MinimumOperatorKeyLength)
        {
            failures.Add($"AltPay:OperatorApiKey has {operatorKey.Length} characters; set at least {MinimumOperatorKeyLength} random characters, or remove it to disable the operator endpoints.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
