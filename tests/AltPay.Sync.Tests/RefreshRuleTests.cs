using System.Globalization;
using System.Text.Json.Nodes;
using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Sync.Tests;

/// <summary>The inbound rules, run by the refresh engine against the sandbox over loopback.</summary>
public sealed class RefreshRuleTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Connect_ImportsEveryApprovedInvoiceExactly()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 6, invoicesPerClient: 5, linesPerInvoice: 3);

        var run = await host.ConnectAsync();

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        var expected = (await host.AdminListAsync("invoices")).Select(node => node!.AsObject())
            .Where(invoice => (string?)invoice["statusEnum"] != "DRAFT")
            .ToDictionary(invoice => (string)invoice["invoiceId"]!);
        await using var db = await host.DbAsync();
        var imported = await db.Invoices.AsNoTracking().Include(invoice => invoice.Lines).ToListAsync();
        Assert.Equal(expected.Count, imported.Count);
        foreach (var invoice in imported)
        {
            var source = expected[invoice.ExternalId!];
            Assert.Equal(Amount(source, "totalAmount"), Money.FromMinorUnits(invoice.TotalMinor, "USD"));
            Assert.Equal(ExpectedOutstanding(source), Money.FromMinorUnits(invoice.OutstandingMinor, "USD"));
            Assert.Equal(ExpectedStatus(source), invoice.StatusOn(Today));
            Assert.Equal(((JsonArray)source["items"]!).Count, invoice.Lines.Count);
        }
    }

    [Fact]
    public async Task Connect_ImportsEveryClientAsCustomer()
    {
        await using var host = await SyncTestHost.StartAsync(clients: 7, invoicesPerClient: 1, linesPerInvoice: 1);

        await host.ConnectAsync();

        var clients = await host.AdminListAsync("clients");
        await using var db = await host.DbAsync();
        var names = await db.Customers.OrderBy(customer => customer.ExternalId).Select(customer => customer.Name).ToListAsync();
        var expected = clients.Select(node => node!.AsObject())
            .OrderBy(client => (string)client["accountId"]!)
            .Select(client => (string)client["name"]!)
            .ToList();
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task AmountChange_OnUnpaidInvoice_FlowsIn()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var invoice = await host.FirstInvoiceAsync("APPROVED");
        var id = (string)invoice["invoiceId"]!;

        await host.AdminSendAsync(HttpMethod.Patch, $"invoices/{id}", new
        {
            items = new[] { new { details = "Managed services, 12 seats", quantity = "12", unitPrice = "45.50" } },
        });
        var run = await host.RefreshAsync();

        var stored = await host.InvoiceAsync(id);
        Assert.Equal(54600, stored.TotalMinor);
        Assert.Equal("Managed services, 12 seats", Assert.Single(stored.Lines).Description);
        Assert.Equal(1, run.InvoicesUpdated);
    }

    [Fact]
    public async Task DueDateChange_OnUnpaidInvoice_FlowsIn()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var id = (string)(await host.FirstInvoiceAsync("APPROVED"))["invoiceId"]!;
        var newDue = Today.AddDays(45);

        await host.AdminSendAsync(HttpMethod.Patch, $"invoices/{id}", new { dueDate = newDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await host.RefreshAsync();

        Assert.Equal(newDue, (await host.InvoiceAsync(id)).DueDate);
    }

    [Fact]
    public async Task SuperOpsPaymentAndCredit_ReduceOutstanding()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var id = await CreateInvoiceAsync(host, "1000.00", Today.AddDays(30));
        await host.RefreshAsync();

        await host.AdminSendAsync(HttpMethod.Post, $"invoices/{id}/payments", new { amount = "250.10", type = "PAYMENT" });
        await host.AdminSendAsync(HttpMethod.Post, $"invoices/{id}/payments", new { amount = "99.99", type = "CREDIT" });
        await host.RefreshAsync();

        var stored = await host.InvoiceAsync(id);
        Assert.Equal(64991, stored.OutstandingMinor);
        Assert.Equal(InvoiceStatus.PartiallyPaid, stored.StatusOn(Today));
    }

    [Fact]
    public async Task PaidInSuperOps_FlowsIn()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var id = (string)(await host.FirstInvoiceAsync("APPROVED"))["invoiceId"]!;

        await host.AdminSendAsync(HttpMethod.Patch, $"invoices/{id}", new { statusEnum = "PAID" });
        await host.RefreshAsync();

        var stored = await host.InvoiceAsync(id);
        Assert.Equal(InvoiceStatus.Paid, stored.StatusOn(Today));
        Assert.Equal(0, stored.OutstandingMinor);
    }

    [Fact]
    public async Task VoidInSuperOps_FlowsIn()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var id = (string)(await host.FirstInvoiceAsync("APPROVED"))["invoiceId"]!;

        await host.AdminSendAsync(HttpMethod.Patch, $"invoices/{id}", new { statusEnum = "VOID" });
        await host.RefreshAsync();

        Assert.Equal(InvoiceStatus.Void, (await host.InvoiceAsync(id)).StatusOn(Today));
    }

    [Fact]
    public async Task Draft_IsImportedOnlyOnceApproved()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var id = await CreateInvoiceAsync(host, "80.00", Today.AddDays(10), status: "DRAFT");
        await host.RefreshAsync();
        await using (var db = await host.DbAsync())
        {
            Assert.False(await db.Invoices.AnyAsync(invoice => invoice.ExternalId == id));
        }

        await host.AdminSendAsync(HttpMethod.Patch, $"invoices/{id}", new { statusEnum = "APPROVED" });
        await host.RefreshAsync();

        Assert.Equal(InvoiceStatus.Open, (await host.InvoiceAsync(id)).StatusOn(Today));
    }

    [Fact]
    public async Task AltPayDueDate_KeptUntilSuperOpsChange()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var id = await CreateInvoiceAsync(host, "300.00", Today.AddDays(20));
        await host.RefreshAsync();
        var altPayDue = Today.AddDays(60);
        await using (var db = await host.DbAsync())
        {
            var invoice = await db.Invoices.SingleAsync(row => row.ExternalId == id);
            invoice.EditDueDate(altPayDue, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        await host.AdminSendAsync(HttpMethod.Patch, $"invoices/{id}", new { invoiceDate = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await host.RefreshAsync();
        var afterOtherChange = (await host.InvoiceAsync(id)).DueDate;

        var superOpsDue = Today.AddDays(90);
        await host.AdminSendAsync(HttpMethod.Patch, $"invoices/{id}", new { dueDate = superOpsDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await host.RefreshAsync();
        var afterSuperOpsChange = (await host.InvoiceAsync(id)).DueDate;

        Assert.Equal(altPayDue, afterOtherChange);
        Assert.Equal(superOpsDue, afterSuperOpsChange);
    }

    [Fact]
    public async Task PaidLocked_RecordsConflict()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        var id = await CreateInvoiceAsync(host, "120.00", Today.AddDays(20));
        await host.RefreshAsync();
        await using (var db = await host.DbAsync())
        {
            var invoice = await db.Invoices.SingleAsync(row => row.ExternalId == id);
            invoice.PaidLocked = true;
            await db.SaveChangesAsync();
        }

        await host.AdminSendAsync(HttpMethod.Patch, $"invoices/{id}", new { dueDate = Today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var run = await host.RefreshAsync();
        await host.RefreshAsync();

        Assert.Equal(Today.AddDays(20), (await host.InvoiceAsync(id)).DueDate);
        await using var check = await host.DbAsync();
        var conflict = await check.Conflicts.SingleAsync();
        Assert.Equal("dueDate", conflict.Field);
        Assert.Equal(Today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), conflict.SuperOpsValue);
        Assert.Equal(1, run.Conflicts);
    }

    [Fact]
    public async Task DocumentedSchemaOnly_StatusOnlyBalances()
    {
        await using var host = await SyncTestHost.StartAsync(documentedSchemaOnly: true);

        var run = await host.ConnectAsync();

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        await using var db = await host.DbAsync();
        Assert.False((await db.Connections.SingleAsync()).InvoicePayments);
        var expected = (await host.AdminListAsync("invoices")).Select(node => node!.AsObject())
            .Where(invoice => (string?)invoice["statusEnum"] != "DRAFT")
            .ToDictionary(invoice => (string)invoice["invoiceId"]!);
        foreach (var invoice in await db.Invoices.AsNoTracking().ToListAsync())
        {
            var status = (string)expected[invoice.ExternalId!]["statusEnum"]!;
            var outstanding = status == "PAID" ? 0 : invoice.TotalMinor;
            Assert.Equal(outstanding, invoice.OutstandingMinor);
        }
    }

    internal static async Task<string> CreateInvoiceAsync(SyncTestHost host, string amount, DateOnly dueDate, string status = "APPROVED")
    {
        var client = (await host.AdminListAsync("clients"))[0]!;
        var created = await host.AdminSendAsync(HttpMethod.Post, "invoices", new
        {
            clientAccountId = (string)client["accountId"]!,
            invoiceDate = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            dueDate = dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            statusEnum = status,
            items = new[] { new { details = "Project work", quantity = "1", unitPrice = amount } },
        });
        return (string)created["invoiceId"]!;
    }

    private static decimal Amount(JsonObject invoice, string field) =>
        decimal.Parse((string)invoice[field]!, CultureInfo.InvariantCulture);

    private static decimal ExpectedOutstanding(JsonObject invoice) => (string?)invoice["statusEnum"] switch
    {
        "PAID" => 0m,
        _ => Amount(invoice, "balanceDue"),
    };

    private static InvoiceStatus ExpectedStatus(JsonObject invoice)
    {
        var paid = Amount(invoice, "amountPaid");
        return (string?)invoice["statusEnum"] switch
        {
            "PAID" => InvoiceStatus.Paid,
            "VOID" => InvoiceStatus.Void,
            "OVERDUE" => InvoiceStatus.Overdue,
            _ when Amount(invoice, "balanceDue") == 0m => InvoiceStatus.Paid,
            _ when paid > 0 => InvoiceStatus.PartiallyPaid,
            _ => InvoiceStatus.Open,
        };
    }
}
