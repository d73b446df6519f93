using System.Collections.Concurrent;
using AltPay.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AltPay.Data;

public static class BulkInsertExtensions
{
    private static readonly ConcurrentDictionary<IEntityType, InsertPlan> Plans = new();

    /// <summary>
    /// Inserts new rows with one prepared command, inside the context's current transaction, without
    /// change tracking. Columns, value converters and parameter types come from the EF Core model, so
    /// the rows read back exactly as if <c>SaveChanges</c> had written them. A full refresh inserts
    /// hundreds of thousands of rows, where per-entity tracking costs most of the run.
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

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = plan.Sql;

        for (var index = 0; index < plan.Columns.Length; index++)
        {
            var column = plan.Columns[index];
            command.Parameters.Add(column.Mapping.CreateParameter(command, $"@p{index}", null, column.IsNullable));
        }

        foreach (var row in rows)
        {
            for (var index = 0; index < plan.Columns.Length; index++)
            {
                command.Parameters[index].Value = plan.Columns[index].ProviderValue(row);
            }

            // Microsoft.Data.Sqlite completes its async methods synchronously, so this only saves a Task per row.
            command.ExecuteNonQuery();
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
            var parameters = string.Join(", ", properties.Select((_, index) => $"@p{index}"));
            var columns = properties
                .Select(property => new InsertColumn(property.GetGetter(), property.GetRelationalTypeMapping(), property.IsNullable))
                .ToArray();

            return new InsertPlan($"INSERT INTO \"{table.Name}\" ({names}) VALUES ({parameters})", columns);
        }
    }

    private sealed record InsertColumn(IClrPropertyGetter Getter, RelationalTypeMapping Mapping, bool IsNullable)
    {
        public object ProviderValue(object row)
        {
            var value = Getter.GetClrValue(row);
            if (value is null)
            {
                return DBNull.Value;
            }

            return Mapping.Converter?.ConvertToProvider(value) ?? value;
        }
    }
}
