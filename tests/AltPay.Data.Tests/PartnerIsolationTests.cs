using AltPay.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Data.Tests;

public sealed class PartnerIsolationTests
{
    private static readonly Guid PartnerA = Guid.Parse("11111111-2222-4333-8444-555555555555");
    private static readonly Guid PartnerB = Guid.Parse("99999999-8888-4777-8666-555555555555");

    [Fact]
    public async Task Customers_OtherPartner_Invisible()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedBothPartnersAsync(database);

        await using var db = database.CreateContext(PartnerB);
        var customers = await db.Customers.ToListAsync();

        Assert.Equal(["8001"], customers.Select(customer => customer.ExternalId));
        Assert.Null(await db.Customers.FirstOrDefaultAsync(customer => customer.ExternalId == "9001"));
    }

    [Fact]
    public async Task Invoices_OtherPartner_Invisible()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (invoiceOfA, _) = await SeedBothPartnersAsync(database);

        await using var db = database.CreateContext(PartnerB);

        Assert.Equal(["4001"], await db.Invoices.Select(invoice => invoice.ExternalId).ToListAsync());
        Assert.Null(await db.Invoices.FindAsync(invoiceOfA.Id));
        Assert.Empty(await db.InvoiceLines.Where(line => line.InvoiceId == invoiceOfA.Id).ToListAsync());
        Assert.Equal(0, await db.Invoices.CountAsync(invoice => invoice.Id == invoiceOfA.Id));
    }

    [Fact]
    public async Task SyncRuns_OtherPartner_Invisible()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedBothPartnersAsync(database);

        await using var db = database.CreateContext(PartnerB);
        var runs = await db.SyncRuns.ToListAsync();

        Assert.Equal([PartnerB], runs.Select(run => run.PartnerId));
    }

    [Fact]
    public async Task OwnPartner_SeesOwnRows()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (invoiceOfA, _) = await SeedBothPartnersAsync(database);

        await using var db = database.CreateContext(PartnerA);

        Assert.Equal(["9001"], await db.Customers.Select(customer => customer.ExternalId).ToListAsync());
        Assert.Equal([invoiceOfA.Id], await db.Invoices.Select(invoice => invoice.Id).ToListAsync());
        Assert.Equal(1, await db.InvoiceLines.CountAsync());
        Assert.Equal(1, await db.SyncRuns.CountAsync());
    }

    [Fact]
    public async Task IgnoreQueryFilters_CrossPartnerWork_SeesBoth()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedBothPartnersAsync(database);

        await using var db = database.CreateContext();

        Assert.Equal(2, await db.Invoices.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task NoPartnerScope_ReadsNoPartnerOwnedRows()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedBothPartnersAsync(database);

        await using var db = database.CreateContext();

        Assert.Empty(await db.Customers.ToListAsync());
        Assert.Empty(await db.Invoices.ToListAsync());
        Assert.Empty(await db.InvoiceLines.ToListAsync());
        Assert.Empty(await db.SyncRuns.ToListAsync());
        Assert.Equal(2, await db.Partners.CountAsync());
    }

    [Fact]
    public async Task ScopedService_NoPartnerScope_ReadsNoPartnerOwnedRows()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedBothPartnersAsync(database);

        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>();

        Assert.Empty(await db.Invoices.ToListAsync());
    }

    [Fact]
    public async Task SaveChanges_NewRowOfOtherPartner_Throws()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedBothPartnersAsync(database);

        await using (var db = database.CreateContext(PartnerB))
        {
            db.Customers.Add(Seed.Customer(PartnerA, "9002"));

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext(PartnerA);
        Assert.Equal(["9001"], await check.Customers.Select(customer => customer.ExternalId).ToListAsync());
    }

    [Fact]
    public async Task SaveChangesSync_OtherPartnerRow_Throws()
    {
        await using var database = await TestDatabase.CreateAsync();

        await using var db = database.CreateContext(PartnerB);
        db.SyncRuns.Add(Seed.SyncRun(PartnerA));

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task SaveChanges_ChangedRowOfOtherPartner_Throws()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (invoiceOfA, _) = await SeedBothPartnersAsync(database);

        await using (var db = database.CreateContext(PartnerB))
        {
            var loaded = await db.Invoices.IgnoreQueryFilters().SingleAsync(invoice => invoice.Id == invoiceOfA.Id);
            loaded.TotalMinor = 1;

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext(PartnerA);
        Assert.Equal(10000, (await check.Invoices.SingleAsync()).TotalMinor);
    }

    [Fact]
    public async Task SaveChanges_DeletedRowOfOtherPartner_Throws()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedBothPartnersAsync(database);

        await using (var db = database.CreateContext(PartnerB))
        {
            var run = await db.SyncRuns.IgnoreQueryFilters().SingleAsync(row => row.PartnerId == PartnerA);
            db.SyncRuns.Remove(run);

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext(PartnerA);
        Assert.Equal(1, await check.SyncRuns.CountAsync());
    }

    [Fact]
    public async Task SaveChanges_NoPartnerScope_Throws()
    {
        await using var database = await TestDatabase.CreateAsync();

        await using var db = database.CreateContext();
        db.Customers.Add(Seed.Customer(PartnerA));

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ForPartner_AnotherPartner_Throws()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext(PartnerA);

        Assert.Throws<InvalidOperationException>(() => db.ForPartner(PartnerB));
        Assert.Equal(PartnerA, db.PartnerId);
    }

    [Fact]
    public async Task ForPartner_SamePartnerTwice_KeepsScope()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext(PartnerA);

        var again = db.ForPartner(PartnerA);

        Assert.Same(db, again);
        Assert.Equal(PartnerA, db.PartnerId);
    }

    // Each partner gets a customer, an invoice with one line and a sync run.
    private static async Task<(Invoice OfA, Invoice OfB)> SeedBothPartnersAsync(TestDatabase database)
    {
        var ofA = await SeedPartnerAsync(database, PartnerA, customerExternalId: "9001", invoiceExternalId: "5001");
        var ofB = await SeedPartnerAsync(database, PartnerB, customerExternalId: "8001", invoiceExternalId: "4001");
        return (ofA, ofB);
    }

    private static async Task<Invoice> SeedPartnerAsync(TestDatabase database, Guid partnerId, string customerExternalId, string invoiceExternalId)
    {
        await using var db = database.CreateContext(partnerId);
        var customer = Seed.Customer(partnerId, customerExternalId);
        var invoice = Seed.Invoice(partnerId, customer.Id, invoiceExternalId);
        invoice.Lines.Add(new InvoiceLine
        {
            Id = Guid.NewGuid(),
            PartnerId = partnerId,
            InvoiceId = invoice.Id,
            Description = "Managed services",
            Quantity = 1m,
            UnitPrice = 100m,
            AmountMinor = 10000,
        });

        db.Partners.Add(new Partner { Id = partnerId, Name = $"Partner {customerExternalId}", CreatedAt = Seed.Now });
        db.Customers.Add(customer);
        db.Invoices.Add(invoice);
        db.SyncRuns.Add(Seed.SyncRun(partnerId));
        await db.SaveChangesAsync();
        return invoice;
    }
}
