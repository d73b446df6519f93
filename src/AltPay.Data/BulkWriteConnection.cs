using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AltPay.Data;

public static class BulkWriteConnection
{
    // WAL pages (4 KiB each, so 40 MiB) after which the bulk writer checkpoints itself. While a large
    // import writes without pause, the log rarely restarts from its beginning, so the -wal file grows to
    // about this size. The bound keeps that file at 40 MiB, and the checkpointer empties it at the end.
    private const int CheckpointPages = 10_000;

    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Gives the context a connection of its own, outside the pool, that commits without waiting for
    /// the disk (<c>synchronous = NORMAL</c>), and starts a background checkpointer for the time the
    /// returned handle lives. Only work whose rows can be rebuilt from their source may use it: a power
    /// loss can undo its last commits, though never corrupt the file. The connection is closed with
    /// the context, so its settings never reach a pooled connection that a payment later uses.
    /// </summary>
    public static async Task<WalCheckpointer> OpenForBulkWritesAsync(
        this AltPayDbContext db,
        TimeProvider timeProvider,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()!;
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        db.Database.SetDbConnection(new SqliteConnection(builder.ToString()), contextOwnsConnection: true);

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {CheckpointPages};", cancellationToken);
        return WalCheckpointer.Start(connectionString, CheckpointInterval, timeProvider, logger);
    }
}
