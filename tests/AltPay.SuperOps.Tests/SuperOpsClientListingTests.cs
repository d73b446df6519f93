using System.Globalization;
using System.Text.Json.Nodes;

namespace AltPay.SuperOps.Tests;

public sealed class SuperOpsClientListingTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ListInvoices_250Invoices_ReadsThreePages(bool hasMoreNullOnLastPage)
    {
        await using var host = await SandboxTestHost.StartAsync(clients: 25, invoicesPerClient: 10);
        await host.SetSettingsAsync(new { hasMoreNullOnLastPage });
        var client = host.CreateClient();
        var listing = new SuperOpsListing();

        var pages = await ReadAllAsync(client.ListInvoicesAsync(listing, includePayments: true, CancellationToken.None));

        Assert.Equal([100, 100, 50], pages.Select(page => page.Count));
        Assert.Equal(3, client.RequestsSent);
        Assert.Equal(3, await host.RequestCountAsync("getInvoiceList"));
        Assert.Equal(3, listing.Pages);
        Assert.Equal(250, listing.RecordsRead);
        Assert.Equal(250, listing.DistinctIds);
        Assert.Equal(250, listing.TotalCountAtStart);
        Assert.Equal(250, listing.TotalCountAtEnd);
        Assert.True(listing.Complete);
        var ids = pages.SelectMany(page => page).Select(invoice => long.Parse(invoice.InvoiceId, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public async Task ListInvoices_RecordsEqualAdminListing()
    {
        await using var host = await SandboxTestHost.StartAsync(clients: 4, invoicesPerClient: 3, linesPerInvoice: 2);
        var client = host.CreateClient();

        var invoices = (await ReadAllAsync(client.ListInvoicesAsync(new SuperOpsListing(), includePayments: true, CancellationToken.None)))
            .SelectMany(page => page).ToDictionary(invoice => invoice.InvoiceId);
        var expected = await host.AdminListAsync("invoices");

        Assert.Equal(expected.Count, invoices.Count);
        foreach (var node in expected)
        {
            var admin = node!.AsObject();
            var invoice = invoices[SandboxTestHost.IdText(admin["invoiceId"])!];
            Assert.Equal(admin["displayId"]!.GetValue<string>(), invoice.DisplayId);
            Assert.Equal(decimal.Parse(admin["totalAmount"]!.GetValue<string>(), CultureInfo.InvariantCulture), invoice.TotalAmount);
            Assert.Equal(DateOnly.ParseExact(admin["invoiceDate"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture), invoice.InvoiceDate);
            Assert.Equal(admin["statusEnum"]!.GetValue<string>(), invoice.Status.ToString().ToUpperInvariant());
            Assert.Equal(SandboxTestHost.IdText(admin["client"]?["accountId"]), invoice.ClientAccountId);
            Assert.Equal(decimal.Parse(admin["balanceDue"]!.GetValue<string>(), CultureInfo.InvariantCulture), invoice.BalanceDue);
            Assert.Equal(admin["payments"]?.AsArray().Count ?? 0, invoice.Payments!.Count);
        }
    }

    [Fact]
    public async Task ListClientsAndLines_ReadEveryRecord()
    {
        await using var host = await SandboxTestHost.StartAsync(clients: 120, invoicesPerClient: 1, linesPerInvoice: 2);
        var client = host.CreateClient();
        var clientListing = new SuperOpsListing();
        var lineListing = new SuperOpsListing();

        var clients = (await ReadAllAsync(client.ListClientsAsync(clientListing, CancellationToken.None))).SelectMany(page => page).ToList();
        var lines = (await ReadAllAsync(client.ListInvoiceLinesAsync(lineListing, CancellationToken.None))).SelectMany(page => page).ToList();

        Assert.Equal(120, clients.Count);
        Assert.Equal(2, clientListing.Pages);
        Assert.True(clientListing.Complete);
        Assert.Equal(3, lineListing.Pages);
        Assert.True(lineListing.Complete);
        Assert.Equal(5, client.RequestsSent);
        var adminClients = await host.AdminListAsync("clients");
        Assert.Equal(
            adminClients.Select(node => (SandboxTestHost.IdText(node!["accountId"]), node["name"]!.GetValue<string>())).Order(),
            clients.Select(record => ((string?)record.AccountId, record.Name)).Order());
        var adminLines = (await host.AdminListAsync("invoices"))
            .SelectMany(invoice => invoice!["items"]!.AsArray().Select(item => new SuperOpsInvoiceLineRecord(
                SandboxTestHost.IdText(item!["itemId"])!,
                SandboxTestHost.IdText(invoice["invoiceId"])!,
                item["details"]?.GetValue<string>(),
                decimal.Parse(item["quantity"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                decimal.Parse(item["unitPrice"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                decimal.Parse(item["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture))))
            .ToDictionary(line => line.ItemId);
        Assert.Equal(adminLines.Count, lines.Count);
        Assert.All(lines, line => Assert.Equal(adminLines[line.ItemId], line));
    }

    [Fact]
    public async Task ListIds_SelectIdsOnly()
    {
        await using var host = await SandboxTestHost.StartAsync(clients: 3, invoicesPerClient: 2);
        var client = host.CreateClient();
        var invoiceListing = new SuperOpsListing();

        var clientIds = (await ReadAllAsync(client.ListClientIdsAsync(new SuperOpsListing(), CancellationToken.None))).SelectMany(page => page).ToList();
        var invoiceIds = (await ReadAllAsync(client.ListInvoiceIdsAsync(invoiceListing, CancellationToken.None))).SelectMany(page => page).ToList();

        var adminInvoices = await host.AdminListAsync("invoices");
        Assert.Equal(3, clientIds.Count);
        Assert.Equal(adminInvoices.Select(node => SandboxTestHost.IdText(node!["invoiceId"])!).Order(), invoiceIds.Order());
        Assert.True(invoiceListing.Complete);
    }

    [Fact]
    public async Task ListInvoices_DeletionBetweenPages_IsIncomplete()
    {
        await using var host = await SandboxTestHost.StartAsync(clients: 25, invoicesPerClient: 10);
        var client = host.CreateClient();
        var listing = new SuperOpsListing();
        var read = new List<string>();

        await foreach (var page in client.ListInvoicesAsync(listing, includePayments: false, CancellationToken.None))
        {
            read.AddRange(page.Select(invoice => invoice.InvoiceId));
            if (listing.Pages == 1)
            {
                await host.DeleteInvoiceAsync(page[0].InvoiceId);
            }
        }

        Assert.Equal(250, listing.TotalCountAtStart);
        Assert.Equal(249, listing.TotalCountAtEnd);
        Assert.Equal(249, listing.DistinctIds);
        Assert.False(listing.Complete);
    }

    [Fact]
    public async Task NumericIdsInJson_GiveIdenticalRecords()
    {
        await using var host = await SandboxTestHost.StartAsync(clients: 6, invoicesPerClient: 3, linesPerInvoice: 2);
        var client = host.CreateClient();

        var before = await ReadEverythingAsync(client);
        await host.SetSettingsAsync(new { numericIdsInJson = true });
        var after = await ReadEverythingAsync(client);

        Assert.Equal(before.Clients, after.Clients);
        Assert.Equal(before.Invoices, after.Invoices);
        Assert.Equal(before.Lines, after.Lines);
        Assert.All(before.Invoices, invoice => Assert.NotNull(invoice.ClientAccountId));
    }

    [Fact]
    public async Task GetInvoiceAndClient_ReturnRecordOrNull()
    {
        await using var host = await SandboxTestHost.StartAsync(clients: 2, invoicesPerClient: 1);
        var client = host.CreateClient();
        var first = (await ReadAllAsync(client.ListInvoicesAsync(new SuperOpsListing(), includePayments: true, CancellationToken.None)))[0][0];

        var invoice = await client.GetInvoiceAsync(first.InvoiceId, includePayments: true, CancellationToken.None);
        var customer = await client.GetClientAsync(first.ClientAccountId!, CancellationToken.None);
        var missingInvoice = await client.GetInvoiceAsync("1000000000000000001", includePayments: false, CancellationToken.None);
        var missingClient = await client.GetClientAsync("1000000000000000001", CancellationToken.None);

        Assert.Equal(first, invoice);
        Assert.Equal(first.ClientAccountId, customer!.AccountId);
        Assert.Equal(first.ClientName, customer.Name);
        Assert.Null(missingInvoice);
        Assert.Null(missingClient);
        Assert.Equal(5, client.RequestsSent);
    }

    [Fact]
    public async Task ListPaymentMethods_ReturnsTenantMethods()
    {
        await using var host = await SandboxTestHost.StartAsync();
        var client = host.CreateClient();

        var methods = await client.ListPaymentMethodsAsync(CancellationToken.None);

        Assert.NotEmpty(methods);
        Assert.All(methods, method => Assert.False(string.IsNullOrEmpty(method.Name)));
        Assert.Equal(methods.Count, methods.Select(method => method.PaymentMethodId).Distinct().Count());
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task CheckConnection_DetectsPaymentsExtension(bool documentedSchemaOnly, bool expected)
    {
        await using var host = await SandboxTestHost.StartAsync(documentedSchemaOnly: documentedSchemaOnly);
        var client = host.CreateClient();

        var capabilities = await client.CheckConnectionAsync(CancellationToken.None);

        Assert.Equal(expected, capabilities.InvoicePayments);
        Assert.Equal(1, client.RequestsSent);
    }

    internal static async Task<List<IReadOnlyList<T>>> ReadAllAsync<T>(IAsyncEnumerable<IReadOnlyList<T>> pages)
    {
        var result = new List<IReadOnlyList<T>>();
        await foreach (var page in pages)
        {
            result.Add(page);
        }

        return result;
    }

    private static async Task<(List<SuperOpsClientRecord> Clients, List<SuperOpsInvoiceRecord> Invoices, List<SuperOpsInvoiceLineRecord> Lines)> ReadEverythingAsync(SuperOpsClient client)
    {
        var clients = (await ReadAllAsync(client.ListClientsAsync(new SuperOpsListing(), CancellationToken.None))).SelectMany(page => page).ToList();
        var invoices = (await ReadAllAsync(client.ListInvoicesAsync(new SuperOpsListing(), includePayments: true, CancellationToken.None))).SelectMany(page => page).ToList();
        var lines = (await ReadAllAsync(client.ListInvoiceLinesAsync(new SuperOpsListing(), CancellationToken.None))).SelectMany(page => page).ToList();
        return (clients, invoices, lines);
    }
}
