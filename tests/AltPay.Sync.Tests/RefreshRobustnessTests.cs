using System.Text.Json.Nodes;
using AltPay.Domain;
using AltPay.SuperOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Sync.Tests;

/// <summary>The refresh under shifting pages, faults and a revoked token.</summary>
public sealed class RefreshRobustnessTests
{
    [Fact]
    public async Task ShiftingPages_NextRefreshConverges()
    {
        SyncTestHost? hostReference = null;
        var created = new List<string>();
        var hook = new PageHook("getInvoiceList", 2, async () =>
        {
            var host = hostReference!;
            var invoices = await host.AdminListAsync("invoices");
            foreach (var id in invoices.Take(3).Select(node => (string)node!["invoiceId"]!))
            {
                await host.AdminSendAsync(HttpMethod.Delete, $"invoices/{id}");
            }

            created.Add(await RefreshRuleTests.CreateInvoiceAsync(host, "75.00", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(9)));
        });
        await using var host = await SyncTestHost.StartAsync(clients: 50, invoicesPerClient: 5, linesPerInvoice: 1,
            services: services => services.AddHttpClient(SuperOpsClientFactory.HttpClientName).AddHttpMessageHandler(() => hook));
        hostReference = host;

        await host.ConnectAsync();
        var second = await host.RefreshAsync();

        var expected = (await host.AdminListAsync("invoices")).Select(node => node!.AsObject())
            .Where(invoice => (string?)invoice["statusEnum"] != "DRAFT")
            .Select(invoice => (string)invoice["invoiceId"]!)
            .ToHashSet();
        await using var db = await host.DbAsync();
        var imported = await db.Invoices.Select(invoice => invoice.ExternalId!).ToListAsync();
        Assert.Equal(SyncRunStatus.Succeeded, second.Status);
        Assert.Empty(expected.Except(imported));
        Assert.Equal(imported.Count, imported.Distinct().Count());
        Assert.Contains(created.Single(), imported);
    }

    [Fact]
    public async Task PageFaults_RetriedUntilConverged()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 60, invoicesPerClient: 5, linesPerInvoice: 1);
        await host.AdminSendAsync(HttpMethod.Put, "settings", new
        {
            faults = new object[]
            {
                new { kind = "internal_error", operation = "getInvoiceList", page = 2, times = 2 },
                new { kind = "rate_limit", operation = "getInvoiceList", page = 3, times = 2 },
                new { kind = "http_500", operation = "getInvoiceItemList", page = 1, times = 1 },
            },
        });

        var run = await host.ConnectAsync();

        var expected = (await host.AdminListAsync("invoices")).Count(node => (string?)node!["statusEnum"] != "DRAFT");
        await using var db = await host.DbAsync();
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(expected, await db.Invoices.CountAsync());
    }

    [Fact]
    public async Task LineListingFails_RunFails()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 20, invoicesPerClient: 3, linesPerInvoice: 2);
        await host.AdminSendAsync(HttpMethod.Put, "settings", new { faults = new[] { new { kind = "internal_error", operation = "getInvoiceItemList" } } });

        var run = await host.ConnectAsync();

        Assert.Equal(SyncRunStatus.Failed, run.Status);
    }

    [Fact]
    public async Task LineListingFails_NextRefreshAddsLines()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 20, invoicesPerClient: 3, linesPerInvoice: 2);
        await host.AdminSendAsync(HttpMethod.Put, "settings", new { faults = new[] { new { kind = "internal_error", operation = "getInvoiceItemList" } } });
        await host.ConnectAsync();
        await host.AdminSendAsync(HttpMethod.Put, "settings", new { faults = Array.Empty<object>() });

        await host.RefreshAsync();

        var expected = (await host.AdminListAsync("invoices"))
            .Where(node => (string?)node!["statusEnum"] != "DRAFT")
            .Sum(node => node!["items"]!.AsArray().Count);
        await using var db = await host.DbAsync();
        Assert.Equal(expected, await db.InvoiceLines.CountAsync());
    }

    [Fact]
    public async Task LinesMissedThenPaid_NextRefreshAddsLines()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 20, invoicesPerClient: 3, linesPerInvoice: 2);
        await FailLineListingAsync(host);
        await host.ConnectAsync();
        var invoice = await host.InvoiceAsync((string)(await host.FirstInvoiceAsync("APPROVED"))["invoiceId"]!);
        await host.PayAsync(invoice.Id, Money.FromMinorUnits(invoice.TotalMinor, invoice.Currency).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // SuperOps then lists the invoice as paid by AltPay's own write-back, which the lock does not hold back.
        await host.WaitForWriteBackAsync(invoice.Id);
        await host.AdminSendAsync(HttpMethod.Put, "settings", new { faults = Array.Empty<object>() });

        await host.RefreshAsync();

        var expected = (await host.AdminListAsync("invoices")).Single(node => (string)node!["invoiceId"]! == invoice.ExternalId)!["items"]!.AsArray().Count;
        await using var db = await host.DbAsync();
        Assert.Equal(expected, await db.InvoiceLines.CountAsync(line => line.InvoiceId == invoice.Id));
    }

    [Fact]
    public async Task LinesMissedThenEdited_KeepsEdit()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 20, invoicesPerClient: 3, linesPerInvoice: 2);
        await FailLineListingAsync(host);
        await host.ConnectAsync();
        var externalId = (string)(await host.FirstInvoiceAsync("APPROVED"))["invoiceId"]!;
        await EditLinesInAltPayAsync(host, externalId, 30000);

        await host.AdminSendAsync(HttpMethod.Put, "settings", new { faults = Array.Empty<object>() });
        await host.RefreshAsync();

        var invoiceId = (await host.InvoiceAsync(externalId)).Id;
        await using var db = await host.DbAsync();
        var descriptions = await db.InvoiceLines.Where(line => line.InvoiceId == invoiceId).Select(line => line.Description).ToListAsync();
        Assert.Equal(["Edited in AltPay"], descriptions);
    }

    [Fact]
    public async Task LinesMissedEditedAmountChanged_TakesSuperOps()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 20, invoicesPerClient: 3, linesPerInvoice: 2);
        await FailLineListingAsync(host);
        await host.ConnectAsync();
        var externalId = (string)(await host.FirstInvoiceAsync("APPROVED"))["invoiceId"]!;
        await EditLinesInAltPayAsync(host, externalId, 30000);
        await host.AdminSendAsync(HttpMethod.Patch, $"invoices/{externalId}", new { items = new[] { new { details = "Project work", quantity = "1", unitPrice = "333.00" } } });
        await host.AdminSendAsync(HttpMethod.Put, "settings", new { faults = Array.Empty<object>() });

        await host.RefreshAsync();

        var invoice = await host.InvoiceAsync(externalId);
        Assert.Equal((33300L, 33300L), (invoice.TotalMinor, invoice.Lines.Sum(line => line.AmountMinor)));
    }

    [Fact]
    public async Task LinesMissedPaidThenChanged_RecordsLinesConflict()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 20, invoicesPerClient: 3, linesPerInvoice: 2);
        await FailLineListingAsync(host);
        await host.ConnectAsync();
        var externalId = (string)(await host.FirstInvoiceAsync("APPROVED"))["invoiceId"]!;
        var invoice = await host.InvoiceAsync(externalId);
        await host.PayAsync(invoice.Id, Money.FromMinorUnits(invoice.TotalMinor, invoice.Currency).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await host.WaitForWriteBackAsync(invoice.Id);
        await host.AdminSendAsync(HttpMethod.Patch, $"invoices/{externalId}", new { items = new[] { new { details = "Project work", quantity = "1", unitPrice = "500.00" } } });
        await host.AdminSendAsync(HttpMethod.Put, "settings", new { faults = Array.Empty<object>() });

        await host.RefreshAsync();

        await using var db = await host.DbAsync();
        var fields = await db.Conflicts.Where(conflict => conflict.InvoiceId == invoice.Id).Select(conflict => conflict.Field).ToListAsync();
        Assert.Contains("lines", fields);
    }

    [Fact]
    public async Task LinesMissedPaidThenChanged_KeepsNoLines()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 20, invoicesPerClient: 3, linesPerInvoice: 2);
        await FailLineListingAsync(host);
        await host.ConnectAsync();
        var externalId = (string)(await host.FirstInvoiceAsync("APPROVED"))["invoiceId"]!;
        var invoice = await host.InvoiceAsync(externalId);
        await host.PayAsync(invoice.Id, Money.FromMinorUnits(invoice.TotalMinor, invoice.Currency).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await host.WaitForWriteBackAsync(invoice.Id);
        await host.AdminSendAsync(HttpMethod.Patch, $"invoices/{externalId}", new { items = new[] { new { details = "Project work", quantity = "1", unitPrice = "500.00" } } });
        await host.AdminSendAsync(HttpMethod.Put, "settings", new { faults = Array.Empty<object>() });

        await host.RefreshAsync();

        Assert.Empty((await host.InvoiceAsync(externalId)).Lines);
    }

    [Fact]
    public async Task ClientInSuperOpsTrash_KeepsInvoiceLines()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 20, invoicesPerClient: 3, linesPerInvoice: 2);
        await host.ConnectAsync();
        var invoice = await host.FirstInvoiceAsync("APPROVED");
        var before = await LineCountAsync(host, (string)invoice["invoiceId"]!);
        await host.AdminSendAsync(HttpMethod.Delete, $"clients/{(string)invoice["client"]!["accountId"]!}");

        await host.RefreshAsync();

        Assert.Equal(before, await LineCountAsync(host, (string)invoice["invoiceId"]!));
    }

    [Fact]
    public async Task RevokedToken_ErrorWithoutDataChange()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var before = await SnapshotAsync(host);
        var id = (string)(await host.FirstInvoiceAsync("APPROVED"))["invoiceId"]!;
        await host.AdminSendAsync(HttpMethod.Patch, $"invoices/{id}", new { statusEnum = "VOID" });
        await host.AdminSendAsync(HttpMethod.Put, "settings", new { faults = new[] { new { kind = "unauthorized" } } });

        var run = await host.RefreshAsync();

        await using var db = await host.DbAsync();
        var connection = await db.Connections.SingleAsync();
        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.Equal(ConnectionStatus.Error, connection.Status);
        Assert.Contains("Generate a new token in SuperOps", connection.Error);
        Assert.Equal(before, await SnapshotAsync(host));
    }

    [Fact]
    public async Task NumericIdsInJson_GiveIdenticalResults()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 4, invoicesPerClient: 3);
        await host.ConnectAsync();
        var before = await SnapshotAsync(host);

        await host.AdminSendAsync(HttpMethod.Put, "settings", new { numericIdsInJson = true });
        var run = await host.RefreshAsync();

        Assert.Equal(0, run.InvoicesUpdated + run.InvoicesCreated + run.CustomersCreated + run.CustomersUpdated);
        Assert.Equal(before, await SnapshotAsync(host));
    }

    [Fact]
    public async Task UnchangedRefresh_PageRequestsOnlyNoWrites()
    {
        const int clients = 30;
        const int invoicesPerClient = 7;
        const int linesPerInvoice = 2;
        await using var host = await SyncTestHost.StartAsync(clients, invoicesPerClient, linesPerInvoice);
        await host.ConnectAsync();
        var before = await SnapshotAsync(host);
        await host.AdminSendAsync(HttpMethod.Delete, "requests");

        var run = await host.RefreshAsync();

        var requests = (int)(await host.RequestsAsync())["total"]!;
        var invoices = clients * invoicesPerClient;
        var limit = Pages(clients) + Pages(invoices) + Pages(invoices * linesPerInvoice) + 3;
        Assert.InRange(requests, 1, limit);
        Assert.Equal(requests, run.SuperOpsRequests);
        Assert.Equal(before, await SnapshotAsync(host));
    }

    private static int Pages(int records) => (records + 99) / 100;

    // Counts and the latest change time of every data table: equal snapshots mean no row was written.
    private static async Task<string> SnapshotAsync(SyncTestHost host)
    {
        await using var db = await host.DbAsync();
        var customers = await db.Customers.Select(customer => customer.UpdatedAt).ToListAsync();
        var invoices = await db.Invoices.Select(invoice => new { invoice.UpdatedAt, invoice.TotalMinor, invoice.HeaderHash }).ToListAsync();
        var lines = await db.InvoiceLines.CountAsync();
        var events = await db.TimelineEvents.CountAsync();
        var conflicts = await db.Conflicts.CountAsync();
        return string.Join("|",
            customers.Count, customers.Max().UtcTicks,
            invoices.Count, invoices.Max(invoice => invoice.UpdatedAt).UtcTicks, invoices.Sum(invoice => invoice.TotalMinor),
            string.Join(",", invoices.Select(invoice => invoice.HeaderHash).Order()),
            lines, events, conflicts);
    }

    private static async Task EditLinesInAltPayAsync(SyncTestHost host, string externalId, long amountMinor)
    {
        await using var db = await host.DbAsync();
        var invoice = await db.Invoices.Include(row => row.Lines).SingleAsync(row => row.ExternalId == externalId);
        var line = new InvoiceLine { Id = Guid.NewGuid(), Description = "Edited in AltPay", Quantity = 1m, UnitPrice = amountMinor / 100m, AmountMinor = amountMinor };
        invoice.ReplaceLinesFromAltPay([line], DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private static Task FailLineListingAsync(SyncTestHost host) =>
        host.AdminSendAsync(HttpMethod.Put, "settings", new { faults = new[] { new { kind = "internal_error", operation = "getInvoiceItemList" } } });

    private static async Task<int> LineCountAsync(SyncTestHost host, string externalId)
    {
        var invoiceId = (await host.InvoiceAsync(externalId)).Id;
        await using var db = await host.DbAsync();
        return await db.InvoiceLines.CountAsync(line => line.InvoiceId == invoiceId);
    }
}
