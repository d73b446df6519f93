using AltPay.Domain;
using AltPay.SuperOps;

namespace AltPay.Sync.Tests;

/// <summary>
/// SuperOps requests of one sweep: one per page of the client and invoice id lists and one point lookup
/// per missing record, within ceil(C/100) + ceil(I/100) + missing + 2.
/// </summary>
public sealed class SweepRequestTests
{
    [Theory]
    [InlineData(12, 20)]
    [InlineData(150, 1)]
    public async Task Sweep_StaysWithinRequestBound(int clients, int invoicesPerClient)
    {
        await using var host = await SyncTestHost.StartAsync(clients: clients, invoicesPerClient: invoicesPerClient, linesPerInvoice: 1);
        await host.ConnectAsync();
        var invoices = await host.ImportedInvoiceIdsAsync();
        string[] deletedInvoices = [invoices[0], invoices[invoices.Count / 2], invoices[^1]];
        var deletedClient = (await host.ImportedCustomerIdsAsync())[^1];
        foreach (var id in deletedInvoices)
        {
            await host.DeleteInvoiceInSuperOpsAsync(id);
        }

        await host.DeleteClientInSuperOpsAsync(deletedClient);
        var liveClients = (await host.AdminListAsync("clients")).Count(client => (bool?)client!["softDeleted"] != true);
        var superOpsInvoices = (await host.AdminListAsync("invoices")).Count;
        var missing = deletedInvoices.Length + 1;
        var bound = Pages(liveClients) + Pages(superOpsInvoices) + missing + 2;
        await host.ResetSandboxRequestsAsync();

        var run = await host.SweepAsync();

        var requests = await host.RequestsAsync();
        var total = (int)requests["total"]!;
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(deletedInvoices.Length, run.InvoicesArchived);
        Assert.Equal(1, run.CustomersArchived);
        Assert.True(total <= bound, $"The sweep sent {total} SuperOps requests; the bound is {bound}.");
        Assert.Equal(total, run.SuperOpsRequests);
        Assert.Equal(1, (int?)requests["byOperation"]?["getClient"]);
        Assert.Equal(deletedInvoices.Length, (int?)requests["byOperation"]?["getInvoice"]);
    }

    private static int Pages(int records) => (records + SuperOpsClient.PageSize - 1) / SuperOpsClient.PageSize;
}
