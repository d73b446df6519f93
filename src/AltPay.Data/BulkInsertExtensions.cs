using System.Data.Common;
using AltPay.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AltPay.Data;

public static class BulkInsertExtensions
{
    // SQLite allows 32,766 parameters per statement; rows per statement stay well below that.
    private const int ParametersPerStatement = 999;

    /// <summary>
    /// Inserts new rows with multi-row prepared commands, inside the context's current transaction,
    /// without change tracking. Columns, value converters and parameter types come from the EF Core model,
    /// so the rows read back exactly as if <c>SaveChanges</c> had written them. A full refresh inserts
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
        var rowsPerStatement = Math.Max(1, ParametersPerStatement / properties.Length);

        await db.Database.OpenConnectionAsync(cancellationToken);

        // One statement for all full batches, so SQLite compiles it once; the last batch may be shorter.
        DbCommand? fullBatch = null;
        try
        {
            foreach (var batch in rows.Chunk(rowsPerStatement))
            {
                var isFull = batch.Length == rowsPerStatement;
                var command = isFull
                    ? fullBatch ??= CreateInsert(db, table, properties, rowsPerStatement)
                    : CreateInsert(db, table, properties, batch.Length);

                for (var rowIndex = 0; rowIndex < batch.Length; rowIndex++)
                {
                    SetRow(command, properties, rowIndex, batch[rowIndex]);
                }

                await command.ExecuteNonQueryAsync(cancellationToken);

                if (!isFull)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (fullBatch is not null)
            {
                await fullBatch.DisposeAsync();
            }
        }
    }

    private static DbCommand CreateInsert(AltPayDbContext db, StoreObjectIdentifier table, IProperty[] properties, int rowCount)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        var columns = string.Join(", ", properties.Select(property => $"\"{property.GetColumnName(table)}\""));
        var rows = Enumerable.Range(0, rowCount)
            .Select(row => "(" + string.Join(", ", properties.Select((_, column) => $"@p{row}_{column}")) + ")");
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES {string.Join(", ", rows)}";

        for (var row = 0; row < rowCount; row++)
        {
            for (var column = 0; column < properties.Length; column++)
            {
                var mapping = properties[column].GetRelationalTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, $"@p{row}_{column}", null, properties[column].IsNullable));
            }
        }

        return command;
    }

    private static void SetRow(DbCommand command, IProperty[] properties, int rowIndex, object row)
    {
        for (var column = 0; column < properties.Length; column++)
        {
            var value = properties[column].GetGetter().GetClrValue(row);
            var converter = properties[column].GetRelationalTypeMapping().Converter;
            command.Parameters[(rowIndex * properties.Length) + column].Value =
                (value is null ? null : converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
        }
    }
}
