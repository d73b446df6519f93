using System.Text.Json.Nodes;
using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Sync.Tests;

/// <summary>
/// The sweep's circuit breaker: when more than max(10, 5 %) of the partner's SuperOps records are missing,
/// nothing is archived until the partner confirms the sweep, and dismissing it archives nothing.
/// </summary>
public sealed class SweepCircuitBreakerTests
{
    [Fact]
    public async Task ThirtyPercentDeleted_IsHeldBack()
    {
        await using var host = await StartAsync();
        await host.ConnectAsync();
        var deleted = await DeleteThirtyPercentAsync(host);

        var run = await host.SweepAsync();

        await using var db = await host.DbAsync();
        var stored = await db.SyncRuns.AsNoTracking().SingleAsync(row => row.Id == run.Id);
        Assert.True(deleted.Count > SweepRunner.CircuitBreakerMinimum, $"Only {deleted.Count} invoices were deleted, which the sweep may archive without asking.");
        Assert.Equal(SyncRunStatus.AwaitingConfirmation, run.Status);
        Assert.NotNull(run.HeldBack);
        Assert.False(string.IsNullOrWhiteSpace(run.Error), "The held-back sweep has no warning.");
        Assert.Equal(0, run.InvoicesArchived);
        Assert.Equal(0, run.CustomersArchived);
        Assert.Equal(SyncRunStatus.AwaitingConfirmation, stored.Status);
        Assert.Equal(run.HeldBack, stored.HeldBack);
        Assert.Equal(0, await host.ArchivedInvoiceCountAsync());
        Assert.Equal(0, await host.ArchivedCustomerCountAsync());
    }

    [Fact]
    public async Task ConfirmedSweep_ArchivesExactlyHeldBackInvoices()
    {
        await using var host = await StartAsync();
        await host.ConnectAsync();
        var deleted = await DeleteThirtyPercentAsync(host);
        var run = await host.SweepAsync();

        var confirmed = await host.Get<SyncRunCoordinator>().ConfirmSweepAsync(host.PartnerId, run.Id, CancellationToken.None);

        await using var db = await host.DbAsync();
        var archived = await db.Invoices.AsNoTracking()
            .Where(invoice => invoice.ArchivedAt != null)
            .Select(invoice => new { invoice.ExternalId, invoice.ArchivedBySweepRunId })
            .ToListAsync();
        var stored = await db.SyncRuns.AsNoTracking().SingleAsync(row => row.Id == run.Id);
        Assert.Equal(SyncRunStatus.AwaitingConfirmation, run.Status);
        Assert.Equal(SyncRunStatus.Succeeded, confirmed.Status);
        Assert.Equal(deleted.Count, confirmed.InvoicesArchived);
        Assert.Equal(0, confirmed.CustomersArchived);
        Assert.Null(confirmed.HeldBack);
        Assert.Null(confirmed.Error);
        Assert.Equal(SyncRunStatus.Succeeded, stored.Status);
        Assert.Equal(deleted.Count, stored.InvoicesArchived);
        Assert.Equal(deleted.Order(StringComparer.Ordinal), archived.Select(row => row.ExternalId!).Order(StringComparer.Ordinal));
        Assert.All(archived, row => Assert.Equal(run.Id, row.ArchivedBySweepRunId));
        Assert.Equal(0, await host.ArchivedCustomerCountAsync());
    }

    [Fact]
    public async Task DismissedSweep_ArchivesNothing()
    {
        await using var host = await StartAsync();
        await host.ConnectAsync();
        await DeleteThirtyPercentAsync(host);
        var run = await host.SweepAsync();
        var coordinator = host.Get<SyncRunCoordinator>();

        var dismissed = await coordinator.DismissSweepAsync(host.PartnerId, run.Id, CancellationToken.None);
        var confirmAfterDismiss = await Record.ExceptionAsync(() => coordinator.ConfirmSweepAsync(host.PartnerId, run.Id, CancellationToken.None));

        await using var db = await host.DbAsync();
        var stored = await db.SyncRuns.AsNoTracking().SingleAsync(row => row.Id == run.Id);
        Assert.Equal(SyncRunStatus.AwaitingConfirmation, run.Status);
        Assert.Equal(SyncRunStatus.Succeeded, dismissed.Status);
        Assert.Equal(0, dismissed.InvoicesArchived);
        Assert.Null(dismissed.HeldBack);
        Assert.Equal(SyncRunStatus.Succeeded, stored.Status);
        Assert.Null(stored.HeldBack);
        Assert.IsType<SyncRunStateException>(confirmAfterDismiss);
        Assert.Equal(0, await host.ArchivedInvoiceCountAsync());
        Assert.Equal(0, await host.ArchivedCustomerCountAsync());
    }

    [Fact]
    public async Task HeldBack_ListsMissingInvoicesAsDocumented()
    {
        await using var host = await StartAsync();
        await host.ConnectAsync();
        var deleted = await DeleteThirtyPercentAsync(host);

        var run = await host.SweepAsync();

        await using var db = await host.DbAsync();
        var expected = await db.Invoices
            .Where(invoice => deleted.Contains(invoice.ExternalId!))
            .Select(invoice => invoice.Id)
            .ToListAsync();
        var heldBack = JsonNode.Parse(run.HeldBack!) as JsonObject;
        var invoices = heldBack?["invoices"] as JsonArray;
        var customers = heldBack?["customers"] as JsonArray;
        Assert.NotNull(invoices);
        Assert.NotNull(customers);
        Assert.Equal(expected.Order(), invoices.Select(node => Guid.Parse((string)node!)).Order());
        Assert.Empty(customers);
    }

    [Theory]
    [InlineData(10, SyncRunStatus.Succeeded, 10)]
    [InlineData(11, SyncRunStatus.AwaitingConfirmation, 0)]
    public async Task Breaker_TripsAboveTenMissing(int missing, SyncRunStatus expectedStatus, int expectedArchived)
    {
        await using var host = await StartAsync();
        await host.ConnectAsync();
        var imported = await host.ImportedInvoiceIdsAsync();
        foreach (var id in imported.Take(missing))
        {
            await host.DeleteInvoiceInSuperOpsAsync(id);
        }

        var run = await host.SweepAsync();

        Assert.True(imported.Count + 10 < 220, $"{imported.Count} invoices and 10 customers make 5 % more than 10.");
        Assert.Equal(expectedStatus, run.Status);
        Assert.Equal(expectedArchived, run.InvoicesArchived);
        Assert.Equal(expectedArchived, await host.ArchivedInvoiceCountAsync());
    }

    // Ten customers and about 90 imported invoices: the breaker's threshold is max(10, 5 % of about 100) = 10.
    private static Task<SyncTestHost> StartAsync() =>
        SyncTestHost.StartAsync(clients: 10, invoicesPerClient: 10, linesPerInvoice: 1);

    private static async Task<List<string>> DeleteThirtyPercentAsync(SyncTestHost host)
    {
        var imported = await host.ImportedInvoiceIdsAsync();
        var deleted = imported.Where((_, index) => index % 10 < 3).ToList();
        foreach (var id in deleted)
        {
            await host.DeleteInvoiceInSuperOpsAsync(id);
        }

        return deleted;
    }
}
