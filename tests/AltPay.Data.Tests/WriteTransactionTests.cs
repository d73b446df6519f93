using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Data.Tests;

/// <summary>
/// Read-modify-write code (payments, invoice edits, refresh pages, sweeps) opens its transaction before
/// it reads. That only keeps other writers out if the transaction takes SQLite's write lock at BEGIN,
/// which these tests check.
/// </summary>
public sealed class WriteTransactionTests
{
    private const int SqliteBusy = 5;

    [Fact]
    public async Task BeginTransactionAsync_Open_HoldsWriteLock()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => BeginWriteElsewhereAsync(database));

        Assert.Equal(SqliteBusy, error.SqliteErrorCode);
    }

    [Fact]
    public async Task BeginTransactionAsync_Committed_ReleasesLock()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await transaction.CommitAsync();
        }

        await BeginWriteElsewhereAsync(database);
    }

    private static async Task BeginWriteElsewhereAsync(TestDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
        command.CommandTimeout = 1;
        await command.ExecuteNonQueryAsync();
    }
}
