using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AltPayDbContext"/> and its factory on SQLite.</summary>
    public static IServiceCollection AddAltPayData(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<AltPayDbContext>(
            options => options.UseSqlite(connectionString),
            ServiceLifetime.Singleton);
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AltPayDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Applies pending migrations; the schema is never created with EnsureCreated.</summary>
    public static async Task MigrateAltPayDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AltPayDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

        // Write-ahead logging lets the dashboard read while a sync run writes; the mode persists in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
