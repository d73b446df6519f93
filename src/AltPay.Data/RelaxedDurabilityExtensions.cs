using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Data;

public static class RelaxedDurabilityExtensions
{
    /// <summary>
    /// Gives the context its own unpooled connection with SQLite's synchronous=NORMAL, which in
    /// write-ahead-log mode skips the disk flush at each commit. An application crash loses nothing,
    /// but a power loss can undo the last commits. Only for data that is read again anyway, such as
    /// what a refresh imports from SuperOps; payments keep the default full durability, and the
    /// unpooled connection keeps the setting from reaching them.
    /// </summary>
    public static async Task UseRelaxedDurabilityAsync(this AltPayDbContext db, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        db.Database.SetConnectionString(builder.ConnectionString);

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", cancellationToken);
    }
}
