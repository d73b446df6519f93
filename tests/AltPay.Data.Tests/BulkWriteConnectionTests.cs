using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AltPay.Data.Tests;

public sealed class BulkWriteConnectionTests
{
    private const long Full = 2;
    private const long Normal = 1;

    [Fact]
    public async Task BulkWrites_Open_SyncsNormal()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        await using var checkpointer = await db.OpenForBulkWritesAsync(TimeProvider.System, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(Normal, await SynchronousAsync(db));
    }

    [Fact]
    public async Task BulkWrites_Closed_PoolStaysFull()
    {
        await using var database = await PooledDatabaseAsync();
        await using (var bulk = database.CreateContext())
        {
            await using var checkpointer = await bulk.OpenForBulkWritesAsync(TimeProvider.System, NullLogger.Instance, CancellationToken.None);
            await bulk.Database.ExecuteSqlRawAsync("SELECT 1;");
        }

        await using var payment = database.CreateContext();

        Assert.Equal(Full, await SynchronousAsync(payment));
    }

    [Fact]
    public async Task BulkWrites_Closed_TruncatesWal()
    {
        await using var database = await TestDatabase.CreateAsync();

        // SQLite deletes the -wal file when its last connection closes, so one stays open, as the web host's pool does.
        await using var idle = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await idle.OpenAsync();
        await using (var read = idle.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master;";
            await read.ExecuteScalarAsync();
        }

        await using (var bulk = database.CreateContext())
        {
            await using var checkpointer = await bulk.OpenForBulkWritesAsync(TimeProvider.System, NullLogger.Instance, CancellationToken.None);
            await bulk.Database.ExecuteSqlRawAsync("CREATE TABLE Filler (Text TEXT); INSERT INTO Filler SELECT printf('%.1000c', 'x') FROM json_each(json_array(1,2,3,4,5,6,7,8,9,10));");
        }

        Assert.Equal(0, new FileInfo(WalPath(database)).Length);
    }

    private static string WalPath(TestDatabase database) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource + "-wal";

    // The test database turns pooling off; a pooled one shows whether the setting could leak.
    private static async Task<TestDatabase> PooledDatabaseAsync() => await TestDatabase.CreateAsync(pooling: true);

    private static async Task<long> SynchronousAsync(AltPayDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
