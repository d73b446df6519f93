using System.Collections.Concurrent;
using AltPay.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace AltPay.Data;

public static class BulkInsertExtensions
{
    private static readonly ConcurrentDictionary<IEntityType, InsertPlan> Plans = new();

    /// <summary>
    /// Inserts new rows with one prepared statement, inside the context's current transaction, without
    /// change tracking. Columns and value converters come from the EF Core model and values are bound
    /// by position in the forms Microsoft.Data.Sqlite writes, so the rows read back exactly as if
    /// <c>SaveChanges</c> had written them. A full refresh inserts hundreds of thousands of rows, where
    /// per-entity tracking and per-parameter name lookups cost most of the run.
    /// </summary>
    public static async Task BulkInsertAsync<T>(this AltPayDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class, IPartnerOwned
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (rows.Any(row => db.PartnerId == Guid.Empty || row.PartnerId != db.PartnerId))
        {
            throw new InvalidOperationException($"A {typeof(T).Name} row of another partner, or with no partner scope set, cannot be saved.");
        }

        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the AltPay model.");
        var plan = Plans.GetOrAdd(entityType, InsertPlan.For);

        await ExecuteForEachAsync(db, plan.Sql, rows, (binder, row) =>
        {
            for (var index = 0; index < plan.Columns.Length; index++)
            {
                plan.Columns[index].Bind(row, binder, index + 1);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Sets the SuperOps lines hash of invoices of the context's partner that have no lines yet, with
    /// one prepared statement inside the current transaction. It returns the ids it left alone, because
    /// an invoice whose lines were set or edited in AltPay in the meantime goes through the inbound
    /// rules instead. A refresh applies the lines of newly imported invoices after their headers, and
    /// tracking each invoice only to change this column would cost more than writing its lines.
    /// </summary>
    public static async Task<List<Guid>> SetFirstLinesHashesAsync(
        this AltPayDbContext db,
        IReadOnlyCollection<(Guid InvoiceId, string LinesHash)> hashes,
        CancellationToken cancellationToken)
    {
        if (hashes.Count == 0)
        {
            return [];
        }

        if (db.PartnerId == Guid.Empty)
        {
            throw new InvalidOperationException("Invoice lines hashes cannot be saved with no partner scope set.");
        }

        const string sql = """
            UPDATE "Invoices" SET "SuperOpsLinesHash" = ?1
            WHERE "Id" = ?2 AND "PartnerId" = ?3 AND "SuperOpsLinesHash" IS NULL AND "LinesEditedInAltPay" = 0
            """;
        var partnerId = db.PartnerId;
        var changed = await ExecuteForEachAsync(db, sql, hashes, (binder, hash) =>
        {
            binder.BindText(1, hash.LinesHash);
            binder.BindGuid(2, hash.InvoiceId);
            binder.BindGuid(3, partnerId);
        }, cancellationToken);

        return hashes.Where((_, index) => changed[index] == 0).Select(hash => hash.InvoiceId).ToList();
    }

    /// <summary>
    /// Runs one prepared statement per row on the context's connection, inside its current transaction,
    /// and returns how many rows each run changed.
    /// </summary>
    private static async Task<int[]> ExecuteForEachAsync<T>(
        AltPayDbContext db,
        string sql,
        IReadOnlyCollection<T> rows,
        Action<ColumnBinder, T> bind,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);

        using (statement)
        {
            var binder = new ColumnBinder(statement);
            var changed = new int[rows.Count];
            var index = 0;

            foreach (var row in rows)
            {
                bind(binder, row);
                Check(raw.sqlite3_step(statement), handle);
                changed[index++] = raw.sqlite3_changes(handle);
                Check(raw.sqlite3_reset(statement), handle);
            }

            return changed;
        }
    }

    private static void Check(int result, sqlite3 handle)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(result, handle);
        }
    }

    /// <summary>The INSERT statement of one entity type and how each column's value is read and converted.</summary>
    private sealed record InsertPlan(string Sql, InsertColumn[] Columns)
    {
        public static InsertPlan For(IEntityType entityType)
        {
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var properties = entityType.GetProperties().ToArray();

            var names = string.Join(", ", properties.Select(property => $"\"{property.GetColumnName(table)}\""));
            var positions = string.Join(", ", properties.Select(_ => "?"));
            var columns = properties.Select(InsertColumn.For).ToArray();

            return new InsertPlan($"INSERT INTO \"{table.Name}\" ({names}) VALUES ({positions})", columns);
        }
    }
}
