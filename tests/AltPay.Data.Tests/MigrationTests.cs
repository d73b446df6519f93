using AltPay.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_FreshDatabase_AppliesEveryMigration()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        var pending = await db.Database.GetPendingMigrationsAsync();
        var applied = await db.Database.GetAppliedMigrationsAsync();

        Assert.Empty(pending);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrate_Twice_IsNoOp()
    {
        await using var database = await TestDatabase.CreateAsync();

        await database.Services.MigrateAltPayDatabaseAsync();

        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_FreshDatabase_UsesWriteAheadLog()
    {
        await using var database = await TestDatabase.CreateAsync();

        var mode = await QueryScalarAsync(database, "PRAGMA journal_mode;");

        Assert.Equal("wal", mode);
    }

    [Theory]
    [InlineData("TotalMinor")]
    [InlineData("SuperOpsPaidMinor")]
    [InlineData("AltPayPaidMinor")]
    [InlineData("SuperOpsTotalMinor")]
    [InlineData("SuperOpsPaymentsMinor")]
    public async Task InvoicesTable_AmountColumn_IsInteger(string column)
    {
        await using var database = await TestDatabase.CreateAsync();

        var columns = await ReadColumnTypesAsync(database, "Invoices");

        Assert.Equal("INTEGER", columns[column]);
    }

    [Theory]
    [InlineData("InvoiceLines", "AmountMinor")]
    [InlineData("Payments", "AmountMinor")]
    public async Task OtherTables_AmountColumn_IsInteger(string table, string column)
    {
        await using var database = await TestDatabase.CreateAsync();

        var columns = await ReadColumnTypesAsync(database, table);

        Assert.Equal("INTEGER", columns[column]);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(255768L)]
    [InlineData(-1L)]
    [InlineData(9_007_199_254_740_993L)]
    [InlineData(long.MaxValue)]
    public async Task Invoice_TotalMinor_RoundTripsExactly(long totalMinor)
    {
        await using var database = await TestDatabase.CreateAsync();
        var partnerId = Guid.NewGuid();
        var invoice = await Seed.InvoiceAsync(database, partnerId, invoice => invoice.TotalMinor = totalMinor);

        await using var db = database.CreateContext(partnerId);
        var stored = await db.Invoices.SingleAsync(row => row.Id == invoice.Id);
        var raw = await QueryScalarAsync(database, "SELECT typeof(TotalMinor) || ':' || TotalMinor FROM Invoices;");

        Assert.Equal(totalMinor, stored.TotalMinor);
        Assert.Equal($"integer:{totalMinor}", raw);
    }

    [Fact]
    public async Task InvoiceLine_Decimals_RoundTripExactly()
    {
        await using var database = await TestDatabase.CreateAsync();
        var partnerId = Guid.NewGuid();
        var invoice = await Seed.InvoiceAsync(database, partnerId, invoice => invoice.Lines.Add(new InvoiceLine
        {
            Id = Guid.NewGuid(),
            PartnerId = invoice.PartnerId,
            InvoiceId = invoice.Id,
            Description = "Metered storage",
            Quantity = 1.125m,
            UnitPrice = 0.3333m,
            AmountMinor = 37,
        }));

        await using var db = database.CreateContext(partnerId);
        var line = await db.InvoiceLines.SingleAsync(row => row.InvoiceId == invoice.Id);

        Assert.Equal(1.125m, line.Quantity);
        Assert.Equal(0.3333m, line.UnitPrice);
        Assert.Equal(37, line.AmountMinor);
    }

    private static async Task<Dictionary<string, string>> ReadColumnTypesAsync(TestDatabase database, string table)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA table_info({table});";

        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types[reader.GetString(reader.GetOrdinal("name"))] = reader.GetString(reader.GetOrdinal("type"));
        }

        return types;
    }

    private static async Task<string?> QueryScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
