using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AltPay.SuperOps.Tests;

public sealed class SuperOpsCredentialsTests
{
    [Fact]
    public void ToString_HidesToken()
    {
        var credentials = new SuperOpsCredentials("acme", "secret-token-123", SuperOpsRegion.Eu);

        var text = credentials.ToString();

        Assert.DoesNotContain("secret-token-123", text, StringComparison.Ordinal);
        Assert.Contains("acme", text, StringComparison.Ordinal);
        Assert.Contains("Eu", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSuperOpsClient_BindsSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AltPay:SuperOps:UsBaseUrl"] = "http://127.0.0.1:5999/us/msp",
            ["AltPay:SuperOps:EuBaseUrl"] = "http://127.0.0.1:5999/eu/msp",
            ["AltPay:SuperOps:RequestsPerMinute"] = "100",
            ["AltPay:SuperOps:RequestTimeout"] = "00:00:05",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddSuperOpsClient(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SuperOpsOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:5999/us/msp"), options.UsBaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:5999/eu/msp"), options.EuBaseUrl);
        Assert.Equal(100, options.RequestsPerMinute);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RequestTimeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(100, provider.GetRequiredService<SuperOpsRateBudget>().RequestsPerMinute);
        Assert.NotNull(provider.GetRequiredService<SuperOpsClientFactory>());
    }

    [Fact]
    public void AddSuperOpsClient_InvalidSettings_FailValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AltPay:SuperOps:UsBaseUrl"] = "ftp://127.0.0.1/msp",
            ["AltPay:SuperOps:RequestsPerMinute"] = "-1",
            ["AltPay:SuperOps:RequestTimeout"] = "00:00:00",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddSuperOpsClient(configuration).BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SuperOpsOptions>>().Value);

        Assert.Equal(3, exception.Failures.Count());
        Assert.Contains(exception.Failures, failure => failure.Contains("UsBaseUrl is 'ftp://127.0.0.1/msp'", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, failure => failure.Contains("RequestsPerMinute is -1", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, failure => failure.Contains("RequestTimeout is 00:00:00", StringComparison.Ordinal));
    }
}
