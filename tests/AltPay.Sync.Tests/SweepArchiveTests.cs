using AltPay.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AltPay.Sync.Tests;

/// <summary>The deletion sweep archiving and restoring what SuperOps deleted, and only that.</summary>
public sealed class SweepArchiveTests
{
    // The engine's clock; the sandbox keeps the real one, and no test here waits on the engine's clock.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private const string Reason = "Deleted in SuperOps: missing from a complete listing and not found by id on 2026-03-02 09:30 UTC.";

    [Fact]
    public async Task DeletedInvoice_IsArchivedWithReason()
    {
        await using var host = await StartAsync();
        await host.ConnectAsync();
        var deleted = (await host.ImportedInvoiceIdsAsync())[2];

        await host.DeleteInvoiceInSuperOpsAsync(deleted);
        var run = await host.SweepAsync();

        var invoice = await host.InvoiceAsync(deleted);
        await using var db = await host.DbAsync();
        var events = await db.TimelineEvents.AsNoTracking()
            .Where(row => row.InvoiceId == invoice.Id && row.Kind == TimelineKinds.Archived)
            .ToListAsync();
        var archivedEvent = Assert.Single(events);
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.InvoicesArchived);
        Assert.Equal(0, run.CustomersArchived);
        Assert.Equal(Now, invoice.ArchivedAt);
        Assert.Equal(Reason, invoice.ArchiveReason);
        Assert.Equal(run.Id, invoice.ArchivedBySweepRunId);
        Assert.False(invoice.NeedsReview);
        Assert.Equal($"Archived: {Reason}", archivedEvent.Message);
        Assert.Equal(run.Id, archivedEvent.RunId);
        Assert.Equal(1, await host.ArchivedInvoiceCountAsync());
        Assert.Equal(0, await host.ArchivedCustomerCountAsync());
    }

    [Fact]
    public async Task DeletedClient_ArchivesItsCustomer()
    {
        await using var host = await StartAsync();
        await host.ConnectAsync();
        var deleted = (await host.ImportedCustomerIdsAsync())[1];

        await host.DeleteClientInSuperOpsAsync(deleted);
        var run = await host.SweepAsync();

        var customer = await host.CustomerAsync(deleted);
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.CustomersArchived);
        Assert.Equal(0, run.InvoicesArchived);
        Assert.Equal(Now, customer.ArchivedAt);
        Assert.Equal(Reason, customer.ArchiveReason);
        Assert.Equal(run.Id, customer.ArchivedBySweepRunId);
        Assert.Equal(1, await host.ArchivedCustomerCountAsync());
        Assert.Equal(0, await host.ArchivedInvoiceCountAsync());
    }

    [Fact]
    public async Task SoftDeletedClient_ArchivesItsCustomer()
    {
        await using var host = await StartAsync();
        await host.ConnectAsync();
        var deleted = (await host.ImportedCustomerIdsAsync())[0];

        await host.SoftDeleteClientAsync(deleted);
        var run = await host.SweepAsync();

        var customer = await host.CustomerAsync(deleted);
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.CustomersArchived);
        Assert.Equal(Now, customer.ArchivedAt);
        Assert.Equal(Reason, customer.ArchiveReason);
        Assert.Equal(1, await host.ArchivedCustomerCountAsync());
    }

    [Fact]
    public async Task RestoredClient_IsUnarchivedByNextRefresh()
    {
        await using var host = await StartAsync();
        await host.ConnectAsync();
        var accountId = (await host.ImportedCustomerIdsAsync())[0];
        await host.SoftDeleteClientAsync(accountId);
        var sweep = await host.SweepAsync();
        var archived = await host.CustomerAsync(accountId);

        await host.RestoreClientAsync(accountId);
        var refresh = await host.RefreshAsync();

        var customer = await host.CustomerAsync(accountId);
        Assert.Equal(1, sweep.CustomersArchived);
        Assert.Equal(Now, archived.ArchivedAt);
        Assert.Equal(SyncRunStatus.Succeeded, refresh.Status);
        Assert.Equal(1, refresh.CustomersRestored);
        Assert.Null(customer.ArchivedAt);
        Assert.Null(customer.ArchiveReason);
        Assert.Null(customer.ArchivedBySweepRunId);
        Assert.Equal(0, await host.ArchivedCustomerCountAsync());
    }

    [Fact]
    public async Task RestoredClient_IsUnarchivedByNextSweep()
    {
        await using var host = await StartAsync();
        await host.ConnectAsync();
        var accountId = (await host.ImportedCustomerIdsAsync())[0];
        await host.SoftDeleteClientAsync(accountId);
        var first = await host.SweepAsync();
        var archived = await host.CustomerAsync(accountId);

        await host.RestoreClientAsync(accountId);
        var second = await host.SweepAsync();

        var customer = await host.CustomerAsync(accountId);
        Assert.Equal(1, first.CustomersArchived);
        Assert.Equal(Now, archived.ArchivedAt);
        Assert.Equal(SyncRunStatus.Succeeded, second.Status);
        Assert.Equal(1, second.CustomersRestored);
        Assert.Equal(0, second.CustomersArchived);
        Assert.Null(customer.ArchivedAt);
        Assert.Null(customer.ArchiveReason);
        Assert.Null(customer.ArchivedBySweepRunId);
        Assert.Equal(0, await host.ArchivedCustomerCountAsync());
    }

    [Fact]
    public async Task DeletedInvoiceWithPayment_NeedsReview()
    {
        await using var host = await StartAsync();
        await host.ConnectAsync();
        var invoice = await FirstPayableInvoiceAsync(host);
        using (var scope = host.Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PaymentService>().RecordAsync(
                host.PartnerId, invoice.Id, new RecordPaymentRequest(1.00m, "card", "partial-1", null), null, CancellationToken.None);
        }

        await host.DeleteInvoiceInSuperOpsAsync(invoice.ExternalId!);
        var run = await host.SweepAsync();

        var archived = await host.InvoiceAsync(invoice.ExternalId!);
        await using var db = await host.DbAsync();
        var archivedEvent = await db.TimelineEvents.AsNoTracking()
            .SingleAsync(row => row.InvoiceId == invoice.Id && row.Kind == TimelineKinds.Archived);
        Assert.Equal(1, run.InvoicesArchived);
        Assert.Equal(100, archived.AltPayPaidMinor);
        Assert.Equal(Now, archived.ArchivedAt);
        Assert.True(archived.NeedsReview);
        Assert.Equal($"Archived for review: {Reason} It has AltPay payments or a pending write-back.", archivedEvent.Message);
    }

    [Fact]
    public async Task RecordsCreatedInAltPay_AreNeverArchived()
    {
        await using var host = await StartAsync();
        await host.ConnectAsync();
        var customer = new Customer
        {
            Id = Guid.NewGuid(),
            PartnerId = host.PartnerId,
            Name = "Walk-in client",
            Source = RecordSource.AltPay,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        var invoice = new Invoice
        {
            Id = Guid.NewGuid(),
            PartnerId = host.PartnerId,
            CustomerId = customer.Id,
            Number = "AP-0001",
            Source = RecordSource.AltPay,
            Currency = "USD",
            InvoiceDate = new DateOnly(2026, 3, 1),
            DueDate = new DateOnly(2026, 3, 31),
            TotalMinor = 25_000,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        await using (var db = await host.DbAsync())
        {
            db.Customers.Add(customer);
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
        }

        await host.DeleteInvoiceInSuperOpsAsync((await host.ImportedInvoiceIdsAsync())[0]);
        var run = await host.SweepAsync();

        await using var check = await host.DbAsync();
        var storedCustomer = await check.Customers.AsNoTracking().SingleAsync(row => row.Id == customer.Id);
        var storedInvoice = await check.Invoices.AsNoTracking().SingleAsync(row => row.Id == invoice.Id);
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.InvoicesArchived);
        Assert.Equal(0, run.CustomersArchived);
        Assert.Null(storedCustomer.ArchivedAt);
        Assert.Null(storedInvoice.ArchivedAt);
        Assert.False(await check.TimelineEvents.AnyAsync(row => row.InvoiceId == invoice.Id));
    }

    private static Task<SyncTestHost> StartAsync()
    {
        var clock = new FakeTimeProvider(Now);
        return SyncTestHost.StartAsync(clients: 4, invoicesPerClient: 3, services: services => services.AddSingleton<TimeProvider>(clock));
    }

    private static async Task<Invoice> FirstPayableInvoiceAsync(SyncTestHost host)
    {
        await using var db = await host.DbAsync();
        var invoices = await db.Invoices.AsNoTracking()
            .Where(invoice => invoice.Source == RecordSource.SuperOps)
            .ToListAsync();
        return invoices
            .Where(invoice => invoice.WhyNotEditable() is null && invoice.OutstandingMinor > 100)
            .OrderBy(invoice => invoice.ExternalId, StringComparer.Ordinal)
            .First();
    }
}
