using AltPay.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AltPay.Data;

public static class BulkInsertExtensions
{
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
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().ToArray();

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        var columns = string.Join(", ", properties.Select(property => $"\"{property.GetColumnName(table)}\""));
        var names = string.Join(", ", properties.Select((_, index) => $"@p{index}"));
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({names})";

        var mappings = properties.Select(property => property.GetRelationalTypeMapping()).ToArray();
        for (var index = 0; index < properties.Length; index++)
        {
            command.Parameters.Add(mappings[index].CreateParameter(command, $"@p{index}", null, properties[index].IsNullable));
        }

        foreach (var row in rows)
        {
            for (var index = 0; index < properties.Length; index++)
            {
                var value = properties[index].GetGetter().GetClrValue(row);
                var converter = mappings[index].Converter;
                command.Parameters[index].Value = (value is null ? null : converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
            }

            // Microsoft.Data.Sqlite completes its async methods synchronously, so this only saves a Task per row.
            command.ExecuteNonQuery();
        }
    }
}
