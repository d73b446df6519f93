using AltPay.SuperOps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace AltPay.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sync engine: the SuperOps client, connection service, run coordinator, refresh and
    /// sweep runners, payments and the write-back dispatcher, and the Quartz schedule (in-memory store) bound from <c>AltPay:Sync</c>.
    /// </summary>
    public static IServiceCollection AddAltPaySync(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSuperOpsClient(configuration);
        services.AddDataProtection();

        services.AddOptions<SyncOptions>()
            .BindConfiguration(SyncOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<WriteBackOptions>()
            .BindConfiguration(WriteBackOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<SuperOpsTokenProtector>();
        services.AddSingleton<InvoiceLocks>();
        services.AddSingleton<WriteBackSignal>();
        services.AddSingleton<WriteBackDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<WriteBackDispatcher>());
        services.AddScoped<PaymentService>();
        services.AddSingleton<SyncRunCoordinator>();
        services.AddHostedService(provider => provider.GetRequiredService<SyncRunCoordinator>());
        services.AddSingleton<SyncScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<SyncScheduler>());
        services.AddScoped<ConnectionService>();
        services.AddScoped<RefreshRunner>();
        services.AddScoped<SweepRunner>();

        services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore();
        });
        services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = false);
        services.AddTransient<SyncJob>();
        return services;
    }
}
