using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Data.Tests;

/// <summary>A migrated SQLite file in its own temporary directory, deleted on dispose.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string directory;
    private readonly ServiceProvider services;

    private TestDatabase(string directory, ServiceProvider services)
    {
        this.directory = directory;
        this.services = services;
    }

    public string ConnectionString { get; private init; } = "";

    public IServiceProvider Services => services;

    public static async Task<TestDatabase> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("altpay-data-tests-").FullName;

        // Pooling is off so that no pooled connection keeps the file open when the directory is deleted.
        var connectionString = $"Data Source={Path.Combine(directory, "altpay.db")};Pooling=False";
        var services = new ServiceCollection().AddAltPayData(connectionString).BuildServiceProvider();
        var database = new TestDatabase(directory, services) { ConnectionString = connectionString };

        await services.MigrateAltPayDatabaseAsync();
        return database;
    }

    /// <summary>Creates a context scoped to <paramref name="partnerId"/>, or unscoped when it is null.</summary>
    public AltPayDbContext CreateContext(Guid? partnerId = null)
    {
        var db = services.GetRequiredService<IDbContextFactory<AltPayDbContext>>().CreateDbContext();
        return partnerId is { } id ? db.ForPartner(id) : db;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
