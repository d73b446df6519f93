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
    public async Task BulkInsertAsync_RowOfAnotherPartner_Throws()
    {
        await using var database = await TestDatabase.CreateAsync();
        var invoice = await Seed.InvoiceAsync(database, Guid.NewGuid());
        var foreign = TimelineEvent.For(Guid.NewGuid(), invoice.Id, TimelineKinds.Imported, "Imported", Seed.Now);
        await using var db = database.CreateContext(invoice.PartnerId);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.BulkInsertAsync([foreign], CancellationToken.None));
    }
}
