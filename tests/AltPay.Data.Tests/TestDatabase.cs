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

    public static async Task<TestDatabase> CreateAsync(bool pooling = false)
    {
        var directory = Directory.CreateTempSubdirectory("altpay-data-tests-").FullName;

        // Pooling is off by default, so no pooled connection keeps the file open when the directory is
        // deleted. Dispose clears the pools for a test that turns it on.
        var connectionString = $"Data Source={Path.Combine(directory, "altpay.db")};Pooling={pooling}";
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await services.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
