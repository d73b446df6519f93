using AltPay.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AltPay.Web.Extensions;

public static class PersistenceExtensions
{
    /// <summary>
    /// Registers the database (SQLite in the data directory unless <c>ConnectionStrings:AltPay</c> is
    /// set), Data Protection with keys kept in the data directory, and the database health check.
    /// </summary>
    public static void AddAltPayPersistence(this WebApplicationBuilder builder, AltPayOptions options)
    {
        var dataDirectory = options.DataDirectoryPath;
        Directory.CreateDirectory(dataDirectory);

        var connectionString = builder.Configuration.GetConnectionString("AltPay")
            ?? $"Data Source={Path.Combine(dataDirectory, "altpay.db")}";
        builder.Services.AddAltPayData(connectionString);

        // The SuperOps tokens are encrypted with these keys, so they must outlive restarts.
        builder.Services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")))
            .SetApplicationName("AltPay");

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
    }

    /// <summary>Applies pending migrations before the host takes requests.</summary>
    public static Task MigrateAltPayDatabaseAsync(this WebApplication app) =>
        app.Services.MigrateAltPayDatabaseAsync(app.Lifetime.ApplicationStopping);

    /// <summary>Maps <c>GET /health</c>: 200 when the database responds, 503 when it does not.</summary>
    public static IEndpointConventionBuilder MapAltPayHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/health").AllowAnonymous();
}

internal sealed class DatabaseHealthCheck(Microsoft.EntityFrameworkCore.IDbContextFactory<AltPayDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database did not respond.");
    }
}
