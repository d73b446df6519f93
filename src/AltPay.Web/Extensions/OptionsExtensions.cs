using Microsoft.Extensions.Options;

namespace AltPay.Web.Extensions;

public static class OptionsExtensions
{
    /// <summary>
    /// Binds and validates <see cref="AltPayOptions"/> and returns the resolved values, which the rest
    /// of the wiring needs before the container exists. Invalid settings stop the host with one message
    /// listing every problem.
    /// </summary>
    public static AltPayOptions AddAltPayOptions(this WebApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();

        builder.Services.AddOptions<AltPayOptions>()
            .BindConfiguration(AltPayOptions.SectionName)
            .PostConfigure(options => ApplyEnvironmentDefaults(options, isDevelopment))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AltPayOptions>, AltPayOptionsValidator>();

        var resolved = new AltPayOptions();
        builder.Configuration.GetSection(AltPayOptions.SectionName).Bind(resolved);
        ApplyEnvironmentDefaults(resolved, isDevelopment);

        var result = new AltPayOptionsValidator().Validate(null, resolved);

        if (result.Failed)
        {
            throw new OptionsValidationException(AltPayOptions.SectionName, typeof(AltPayOptions), result.Failures);
        }

        return resolved;
    }

    private static void ApplyEnvironmentDefaults(AltPayOptions options, bool isDevelopment)
    {
        options.Sandbox.Enabled ??= isDevelopment;
    }
}
