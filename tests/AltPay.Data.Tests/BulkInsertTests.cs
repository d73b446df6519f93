using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Data.Tests;

public sealed class BulkInsertTests
{
    [Fact]
    public async Task BulkInsertAsync_ManyBatches_ReadsBackExactly()
    {
        await using var database = await TestDatabase.CreateAsync();
        var invoice = await Seed.InvoiceAsync(database, Guid.NewGuid());
        var lines = Enumerable.Range(0, 250).Select(index => new InvoiceLine
        {
            Id = Guid.NewGuid(),
            PartnerId = invoice.PartnerId,
            InvoiceId = invoice.Id,
            Position = index,
            ExternalId = (7_000_000_000_000_000_000L + index).ToString(),
            Description = index % 2 == 0 ? null : $"Line {index}",
            Quantity = 1.5m + index,
            UnitPrice = 0.125m,
            AmountMinor = 1_000 + index,
        }).ToList();

        await using (var db = database.CreateContext(invoice.PartnerId))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.BulkInsertAsync(lines, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var check = database.CreateContext(invoice.PartnerId);
        var stored = await check.InvoiceLines.AsNoTracking().OrderBy(line => line.Position).ToListAsync();
        Assert.Equal(250, stored.Count);
        Assert.Equal(lines.Select(line => (line.Id, line.ExternalId, line.Description, line.Quantity, line.UnitPrice, line.AmountMinor)),
            stored.Select(line => (line.Id, line.ExternalId, line.Description, line.Quantity, line.UnitPrice, line.AmountMinor)));
    }

    [Fact]
    public async Task BulkInsertAsync_ConvertedColumns_ReadBackExactly()
    {
        await using var database = await TestDatabase.CreateAsync();
        var invoice = await Seed.InvoiceAsync(database, Guid.NewGuid());
        var at = new DateTimeOffset(2026, 12, 4, 21, 30, 15, TimeSpan.Zero);
        var timelineEvent = TimelineEvent.For(invoice, TimelineKinds.Imported, "Imported", at, Guid.NewGuid());

        await using (var db = database.CreateContext(invoice.PartnerId))
        {
            await db.BulkInsertAsync([timelineEvent], CancellationToken.None);
        }

        await using var check = database.CreateContext(invoice.PartnerId);
        var stored = await check.TimelineEvents.AsNoTracking().SingleAsync(row => row.Id == timelineEvent.Id);
        Assert.Equal(at, stored.At);
        Assert.Equal(timelineEvent.RunId, stored.RunId);
    }

    [Fact]
    public async Task BulkInsertAsync_EveryColumn_MatchesSaveChanges()
    {
        var partnerId = Guid.NewGuid();
        await using var saved = await TestDatabase.CreateAsync();
        await using var bulk = await TestDatabase.CreateAsync();
        var rows = StoredFormRows(partnerId);

        await using (var db = saved.CreateContext(partnerId))
        {
            db.AddRange(rows.Partner, rows.Customer, rows.Invoice, rows.Line, rows.Event);
            await db.SaveChangesAsync();
        }

        await using (var db = bulk.CreateContext(partnerId))
        {
            db.Add(rows.Partner);
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.BulkInsertAsync([rows.Customer], CancellationToken.None);
            await db.BulkInsertAsync([rows.Invoice], CancellationToken.None);
            await db.BulkInsertAsync([rows.Line], CancellationToken.None);
            await db.BulkInsertAsync([rows.Event], CancellationToken.None);
            await transaction.CommitAsync();
        }

        foreach (var table in new[] { "Customers", "Invoices", "InvoiceLines", "TimelineEvents" })
        {
            Assert.Equal(await StoredFormAsync(saved, table), await StoredFormAsync(bulk, table));
        }
    }

    [Fact]
    public async Task BulkInsertAsync_TextColumns_KeepEachValue()
    {
        await using var database = await TestDatabase.CreateAsync();
        var invoice = await Seed.InvoiceAsync(database, Guid.NewGuid());
        var events = Enumerable.Range(0, 40)
            .Select(index => TimelineEvent.For(invoice, $"kind-{index}", new string('x', index * 7) + $" message {index} é", Seed.Now.AddMinutes(index)))
            .ToList();

        await using (var db = database.CreateContext(invoice.PartnerId))
        {
            await db.BulkInsertAsync(events, CancellationToken.None);
        }

        await using var check = database.CreateContext(invoice.PartnerId);
        var stored = await check.TimelineEvents.AsNoTracking().OrderBy(row => row.At).ToListAsync();
        Assert.Equal(events.Select(row => (row.Kind, row.Message)), stored.Select(row => (row.Kind, row.Message)));
    }

    [Fact]
    public async Task BulkInsertAsync_DuplicateKey_ThrowsSqliteException()
    {
        await using var database = await TestDatabase.CreateAsync();
        var invoice = await Seed.InvoiceAsync(database, Guid.NewGuid());
        var timelineEvent = TimelineEvent.For(invoice, TimelineKinds.Imported, "Imported", Seed.Now);
        await using var db = database.CreateContext(invoice.PartnerId);
        await db.BulkInsertAsync([timelineEvent], CancellationToken.None);

        var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.BulkInsertAsync([timelineEvent], CancellationToken.None));

        Assert.Contains("UNIQUE constraint failed", error.Message);
    }

    [Fact]
    public async Task SetFirstLinesHashes_OwnInvoice_SetsHash()
    {
        await using var database = await TestDatabase.CreateAsync();
        var invoice = await Seed.InvoiceAsync(database, Guid.NewGuid());

        await using (var db = database.CreateContext(invoice.PartnerId))
        {
            await db.SetFirstLinesHashesAsync([(invoice.Id, "LINES-HASH-1")], CancellationToken.None);
        }

        await using var check = database.CreateContext(invoice.PartnerId);
        Assert.Equal("LINES-HASH-1", (await check.Invoices.AsNoTracking().SingleAsync()).SuperOpsLinesHash);
    }

    [Fact]
    public async Task SetFirstLinesHashes_OtherPartner_LeavesIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var invoice = await Seed.InvoiceAsync(database, Guid.NewGuid());

        await using (var db = database.CreateContext(Guid.NewGuid()))
        {
            await db.SetFirstLinesHashesAsync([(invoice.Id, "LINES-HASH-1")], CancellationToken.None);
        }

        await using var check = database.CreateContext(invoice.PartnerId);
        Assert.Null((await check.Invoices.AsNoTracking().SingleAsync()).SuperOpsLinesHash);
    }

    [Fact]
    public async Task SetFirstLinesHashes_Edited_Skips()
    {
        await using var database = await TestDatabase.CreateAsync();
        var invoice = await Seed.InvoiceAsync(database, Guid.NewGuid(), invoice => invoice.LinesEditedInAltPay = true);
        await using var db = database.CreateContext(invoice.PartnerId);

        var skipped = await db.SetFirstLinesHashesAsync([(invoice.Id, "LINES-HASH-1")], CancellationToken.None);

        Assert.Equal([invoice.Id], skipped);
    }

    [Fact]
    public async Task SetFirstLinesHashes_HashSet_KeepsIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var invoice = await Seed.InvoiceAsync(database, Guid.NewGuid(), invoice => invoice.SuperOpsLinesHash = "EARLIER");

        await using (var db = database.CreateContext(invoice.PartnerId))
        {
            await db.SetFirstLinesHashesAsync([(invoice.Id, "LINES-HASH-1")], CancellationToken.None);
        }

        await using var check = database.CreateContext(invoice.PartnerId);
        Assert.Equal("EARLIER", (await check.Invoices.AsNoTracking().SingleAsync()).SuperOpsLinesHash);
    }

    [Fact]
    public async Task BulkInsertAsync_RowOfAnotherPartner_Throws()
    {
        await using var database = await TestDatabase.CreateAsync();
        var invoice = await Seed.InvoiceAsync(database, Guid.NewGuid());
        var foreign = TimelineEvent.For(Guid.NewGuid(), invoice.Id, TimelineKinds.Imported, "Imported", Seed.Now);
        await using var db = database.CreateContext(invoice.PartnerId);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.BulkInsertAsync([foreign], CancellationToken.None));
    }

    private static (Partner Partner, Customer Customer, Invoice Invoice, InvoiceLine Line, TimelineEvent Event) StoredFormRows(Guid partnerId)
    {
        var partner = new Partner { Id = partnerId, Name = "Stored form MSP", CreatedAt = Seed.Now };
        var customer = Seed.Customer(partnerId);
        customer.ContactName = "Zoë Ngata";
        customer.ContentHash = "0A1B2C3D";

        var invoice = Seed.Invoice(partnerId, customer.Id);
        invoice.DueDate = new DateOnly(2026, 2, 28);
        invoice.SuperOpsDueDate = new DateOnly(2026, 2, 27);
        invoice.SuperOpsTotalMinor = -1_234_567_890_123L;
        invoice.Status = InvoiceStatus.PartiallyPaid;
        invoice.PaidLocked = true;
        invoice.ArchivedAt = Seed.Now.AddDays(3);
        invoice.ArchivedBySweepRunId = Guid.NewGuid();

        var line = new InvoiceLine
        {
            Id = Guid.NewGuid(),
            PartnerId = partnerId,
            InvoiceId = invoice.Id,
            Position = 2,
            ExternalId = "9007199254740993",
            Description = "Managed backup, 3 seats",
            Quantity = 0.000000000000000001m,
            UnitPrice = 79228162514264337593543950335m,
            AmountMinor = 12_345,
        };

        var timelineEvent = TimelineEvent.For(invoice, TimelineKinds.Imported, "Imported from SuperOps", Seed.Now, Guid.NewGuid());
        return (partner, customer, invoice, line, timelineEvent);
    }

    // Every column of every row, in SQLite's own literal form, so a type or text difference shows.
    private static async Task<List<string>> StoredFormAsync(TestDatabase database, string table)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();

        await using var columns = connection.CreateCommand();
        columns.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
        var names = new List<string>();
        await using (var reader = await columns.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        await using var rows = connection.CreateCommand();
        rows.CommandText = $"SELECT {string.Join(" || '|' || ", names.Select(name => $"'{name}=' || quote(\"{name}\")"))} FROM \"{table}\" ORDER BY rowid";
        var stored = new List<string>();
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        return stored;
    }
}
