using System.Globalization;
using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Sync.Tests;

/// <summary>
/// A sweep whose listing fails or changes while it is read archives nothing. In each test one invoice is
/// really deleted in SuperOps, so a sweep that trusted a partial listing would have something to archive,
/// and a later sweep without the fault archives exactly that invoice.
/// </summary>
public sealed class SweepNoFalseArchiveTests
{
    [Fact]
    public async Task InternalErrorOnPage3_ArchivesNothing()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 26, invoicesPerClient: 10, linesPerInvoice: 1);
        await host.ConnectAsync();
        var deleted = await DeleteOneInvoiceAsync(host);
        var superOpsInvoices = (await host.AdminListAsync("invoices")).Count;

        await host.SetSandboxFaultsAsync(new { kind = "internal_error", operation = "getInvoiceList", page = 3 });
        var run = await host.SweepAsync();

        Assert.True(superOpsInvoices > 200, $"The tenant has {superOpsInvoices} invoices, so the invoice list has no page 3.");
        Assert.Equal(SyncRunStatus.Failed, run.Status);
        await AssertNothingArchivedAsync(host, run);
        await AssertNextSweepArchivesAsync(host, deleted);
    }

    [Fact]
    public async Task RateLimitStorm_ArchivesNothing()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 4, invoicesPerClient: 3);
        await host.ConnectAsync();
        var deleted = await DeleteOneInvoiceAsync(host);

        await host.SetSandboxFaultsAsync(new { kind = "rate_limit" });
        var run = await host.SweepAsync();

        Assert.Equal(SyncRunStatus.Failed, run.Status);
        await AssertNothingArchivedAsync(host, run);
        await AssertNextSweepArchivesAsync(host, deleted);
    }

    [Fact]
    public async Task InvoiceDeletedBetweenPages_ArchivesNothing()
    {
        var hook = new SweepRequestHook();
        await using var host = await SyncTestHost.StartAsync(clients: 15, invoicesPerClient: 10, linesPerInvoice: 1, services: hook.AddTo);
        await host.ConnectAsync();
        var deleted = await DeleteOneInvoiceAsync(host);
        var firstOnPage1 = (await host.AdminListAsync("invoices"))
            .Select(node => (string)node!["invoiceId"]!)
            .OrderBy(id => long.Parse(id, CultureInfo.InvariantCulture))
            .First();
        var shifted = 0;

        // Deleting a record of page 1 moves every later record one place up, so page 2 starts one record late.
        hook.OnRequest(async (request, _) =>
        {
            if (request is { Operation: "getInvoiceList", Page: 2 } && Interlocked.Exchange(ref shifted, 1) == 0)
            {
                await host.DeleteInvoiceInSuperOpsAsync(firstOnPage1);
            }
        });
        var run = await host.SweepAsync();

        Assert.Equal(1, shifted);
        Assert.Equal(SyncRunStatus.Incomplete, run.Status);
        await AssertNothingArchivedAsync(host, run);
        var imported = await host.ImportedInvoiceIdsAsync();
        var expected = imported.Contains(firstOnPage1) ? new[] { deleted, firstOnPage1 } : [deleted];
        await AssertNextSweepArchivesAsync(host, expected);
    }

    [Fact]
    public async Task TimeoutOnPage2_ArchivesNothing()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 15, invoicesPerClient: 10, linesPerInvoice: 1, settings: values =>
        {
            values["AltPay:SuperOps:RequestTimeout"] = "00:00:03";
            values["AltPay:SuperOps:MaxRetries"] = "1";
        });
        await host.ConnectAsync();
        var deleted = await DeleteOneInvoiceAsync(host);

        await host.SetSandboxFaultsAsync(new { kind = "timeout", operation = "getInvoiceList", page = 2 });
        var run = await host.SweepAsync();

        Assert.Equal(SyncRunStatus.Failed, run.Status);
        await AssertNothingArchivedAsync(host, run);
        await AssertNextSweepArchivesAsync(host, deleted);
    }

    [Fact]
    public async Task UnauthorizedOnPage2_ArchivesNothing()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 15, invoicesPerClient: 10, linesPerInvoice: 1);
        await host.ConnectAsync();
        var deleted = await DeleteOneInvoiceAsync(host);

        await host.SetSandboxFaultsAsync(new { kind = "unauthorized", operation = "getInvoiceList", page = 2 });
        var run = await host.SweepAsync();

        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.Equal(ConnectionService.RejectedTokenMessage, run.Error);
        await AssertNothingArchivedAsync(host, run);
        await AssertNextSweepArchivesAsync(host, deleted);
    }

    // Deletes the imported invoice with the highest id, which a listing of several pages reads last.
    private static async Task<string> DeleteOneInvoiceAsync(SyncTestHost host)
    {
        var deleted = (await host.ImportedInvoiceIdsAsync())[^1];
        await host.DeleteInvoiceInSuperOpsAsync(deleted);
        return deleted;
    }

    private static async Task AssertNothingArchivedAsync(SyncTestHost host, SyncRun run)
    {
        await using var db = await host.DbAsync();
        var stored = await db.SyncRuns.AsNoTracking().SingleAsync(row => row.Id == run.Id);

        Assert.False(string.IsNullOrWhiteSpace(run.Error), "The run has no error message.");
        Assert.Equal(0, run.InvoicesArchived);
        Assert.Equal(0, run.CustomersArchived);
        Assert.Null(run.HeldBack);
        Assert.Equal(run.Status, stored.Status);
        Assert.Equal(run.Error, stored.Error);
        Assert.Equal(0, await host.ArchivedInvoiceCountAsync());
        Assert.Equal(0, await host.ArchivedCustomerCountAsync());
    }

    private static async Task AssertNextSweepArchivesAsync(SyncTestHost host, params string[] deleted)
    {
        await host.SetSandboxFaultsAsync();
        var run = await host.SweepAsync();

        await using var db = await host.DbAsync();
        var archived = await db.Invoices
            .Where(invoice => invoice.ArchivedAt != null)
            .Select(invoice => invoice.ExternalId!)
            .ToListAsync();
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(deleted.Order(StringComparer.Ordinal), archived.Order(StringComparer.Ordinal));
    }
}
