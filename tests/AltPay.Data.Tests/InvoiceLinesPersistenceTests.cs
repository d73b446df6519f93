using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Data.Tests;

public sealed class InvoiceLinesPersistenceTests
{
    private static readonly DateTimeOffset EditedAt = Seed.Now.AddHours(1);

    private static readonly InboundLine[] FirstLines =
    [
        new("7001", "Managed services", 1m, 80m, 8000),
        new("7002", "Backup", 2m, 5m, 1000),
        new("7003", "Licences", 4m, 2.50m, 1000),
    ];

    [Fact]
    public async Task ReplaceLinesFromAltPay_TrackedInvoice_PersistsOnlyNewLines()
    {
        await using var database = await TestDatabase.CreateAsync();
        var partnerId = Guid.NewGuid();
        var invoice = await SeedWithSuperOpsLinesAsync(database, partnerId);

        await using (var db = database.CreateContext(partnerId))
        {
            var tracked = await db.Invoices.Include(row => row.Lines).SingleAsync(row => row.Id == invoice.Id);
            tracked.ReplaceLinesFromAltPay([AltPayLine("Consulting", 12000), AltPayLine("Travel", 3050)], EditedAt);
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext(partnerId);
        var lines = await check.InvoiceLines.Where(line => line.InvoiceId == invoice.Id).OrderBy(line => line.Position).ToListAsync();
        var stored = await check.Invoices.SingleAsync(row => row.Id == invoice.Id);

        Assert.Equal(["Consulting", "Travel"], lines.Select(line => line.Description));
        Assert.Equal([0, 1], lines.Select(line => line.Position));
        Assert.Equal([12000L, 3050L], lines.Select(line => line.AmountMinor));
        Assert.All(lines, line => Assert.Equal(partnerId, line.PartnerId));
        Assert.Equal(15050, stored.TotalMinor);
        Assert.True(stored.LinesEditedInAltPay);
        Assert.Equal(2, await check.InvoiceLines.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task ApplyLines_TrackedInvoice_PersistsOnlyNewLines()
    {
        await using var database = await TestDatabase.CreateAsync();
        var partnerId = Guid.NewGuid();
        var invoice = await SeedWithSuperOpsLinesAsync(database, partnerId);
        InboundLine[] secondLines = [new("7001", "Managed services", 1m, 80m, 8000), new("7004", "Firewall", 1m, 20m, 2000)];

        await using (var db = database.CreateContext(partnerId))
        {
            var tracked = await db.Invoices.Include(row => row.Lines).SingleAsync(row => row.Id == invoice.Id);
            var result = InvoiceInboundRules.ApplyLines(tracked, secondLines, "hash-2", EditedAt);
            Assert.True(result.Changed);
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext(partnerId);
        var lines = await check.InvoiceLines.Where(line => line.InvoiceId == invoice.Id).OrderBy(line => line.Position).ToListAsync();
        var stored = await check.Invoices.SingleAsync(row => row.Id == invoice.Id);

        Assert.Equal(["7001", "7004"], lines.Select(line => line.ExternalId));
        Assert.Equal([0, 1], lines.Select(line => line.Position));
        Assert.Equal("hash-2", stored.SuperOpsLinesHash);
        Assert.Equal(2, await check.InvoiceLines.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task ReplaceLinesFromAltPay_SameContextTwice_PersistsLastLines()
    {
        await using var database = await TestDatabase.CreateAsync();
        var partnerId = Guid.NewGuid();
        var invoice = await SeedWithSuperOpsLinesAsync(database, partnerId);

        await using (var db = database.CreateContext(partnerId))
        {
            var tracked = await db.Invoices.Include(row => row.Lines).SingleAsync(row => row.Id == invoice.Id);
            tracked.ReplaceLinesFromAltPay([AltPayLine("Consulting", 12000)], EditedAt);
            await db.SaveChangesAsync();

            tracked.ReplaceLinesFromAltPay([AltPayLine("Audit", 4000), AltPayLine("Report", 1000)], EditedAt.AddMinutes(5));
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext(partnerId);
        var lines = await check.InvoiceLines.OrderBy(line => line.Position).ToListAsync();

        Assert.Equal(["Audit", "Report"], lines.Select(line => line.Description));
        Assert.Equal(5000, (await check.Invoices.SingleAsync()).TotalMinor);
    }

    [Fact]
    public async Task ReplaceLinesFromAltPay_AllLinesRemoved_PersistsNone()
    {
        await using var database = await TestDatabase.CreateAsync();
        var partnerId = Guid.NewGuid();
        var invoice = await SeedWithSuperOpsLinesAsync(database, partnerId);

        await using (var db = database.CreateContext(partnerId))
        {
            var tracked = await db.Invoices.Include(row => row.Lines).SingleAsync(row => row.Id == invoice.Id);
            tracked.ReplaceLinesFromAltPay([], EditedAt);
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext(partnerId);

        Assert.Equal(0, await check.InvoiceLines.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, (await check.Invoices.SingleAsync()).TotalMinor);
    }

    // Imports an invoice with three SuperOps lines the way a refresh does: header, then lines.
    private static async Task<Invoice> SeedWithSuperOpsLinesAsync(TestDatabase database, Guid partnerId)
    {
        await using var db = database.CreateContext(partnerId);
        var customer = Seed.Customer(partnerId);
        var inbound = new InboundInvoice("5001", "INV-5001", "9001", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), SuperOpsStatus.Approved, 10000, 0);
        var invoice = InvoiceInboundRules.CreateFromSuperOps(partnerId, customer.Id, "USD", inbound, Seed.Now);
        InvoiceInboundRules.ApplyLines(invoice, FirstLines, "hash-1", Seed.Now);

        db.Partners.Add(new Partner { Id = partnerId, Name = "Partner", CreatedAt = Seed.Now });
        db.Customers.Add(customer);
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        return invoice;
    }

    private static InvoiceLine AltPayLine(string description, long amountMinor) => new()
    {
        Id = Guid.NewGuid(),
        Description = description,
        Quantity = 1m,
        UnitPrice = amountMinor / 100m,
        AmountMinor = amountMinor,
    };
}
