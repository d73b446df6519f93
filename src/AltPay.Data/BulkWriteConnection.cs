using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Data;

public static class BulkWriteConnection
{
    // WAL pages between checkpoints of a bulk-write connection (4 KiB each, so 40 MiB). The default
    // of 1,000 checkpoints so often that a first import rewrites the same index pages many times.
    private const int CheckpointPages = 10_000;

    /// <summary>
    /// Gives the context a connection of its own, outside the pool, that commits without waiting for
    /// the disk (<c>synchronous = NORMAL</c>) and checkpoints less often. Only work whose rows can be
    /// rebuilt from their source may use it: a power loss can undo its last commits, though never
    /// corrupt the file. The connection is closed with the context, so its settings never reach a
    /// pooled connection that a payment later uses.
    /// </summary>
    public static async Task OpenForBulkWritesAsync(this AltPayDbContext db, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        db.Database.SetDbConnection(new SqliteConnection(builder.ToString()), contextOwnsConnection: true);

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {CheckpointPages};", cancellationToken);
    }
}
