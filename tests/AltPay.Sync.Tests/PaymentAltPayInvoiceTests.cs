using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Sync.Tests;

/// <summary>Customers and invoices created in AltPay never cause a SuperOps request, even with SuperOps connected.</summary>
public sealed class PaymentAltPayInvoiceTests
{
    [Fact]
    public async Task AltPayInvoice_CreateEditPay_SendsNoSuperOpsRequest()
    {
        await using var host = await SyncTestHost.StartAsync();
        await host.ConnectAsync();
        await host.ResetRequestsAsync();
        var now = TimeProvider.System.GetUtcNow();
        var invoiceId = Guid.NewGuid();

        await using (var db = await host.DbAsync())
        {
            var customer = new Customer
            {
                Id = Guid.NewGuid(),
                PartnerId = host.PartnerId,
                Name = "Harbour Dental",
                Email = "accounts@harbourdental.example",
                Source = RecordSource.AltPay,
                CreatedAt = now,
                UpdatedAt = now,
            };
            var invoice = new Invoice
            {
                Id = invoiceId,
                PartnerId = host.PartnerId,
                CustomerId = customer.Id,
                Number = "AP-1001",
                Source = RecordSource.AltPay,
                Currency = "USD",
                InvoiceDate = PaymentSteps.Today,
                DueDate = PaymentSteps.Today.AddDays(14),
                CreatedAt = now,
                UpdatedAt = now,
            };
            invoice.ReplaceLinesFromAltPay([Line("Monthly support", 1m, 450.00m, 45000)], now);
            db.Customers.Add(customer);
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
        }

        await using (var db = await host.DbAsync())
        {
            var invoice = await db.Invoices.Include(row => row.Lines).SingleAsync(row => row.Id == invoiceId);
            invoice.EditDueDate(PaymentSteps.Today.AddDays(30), now);
            invoice.ReplaceLinesFromAltPay(
                [Line("Monthly support", 1m, 450.00m, 45000), Line("Onsite visit", 2m, 125.50m, 25100)], now);
            await db.SaveChangesAsync();
        }

        await host.PayAsync(invoiceId, "300.00");
        await host.PayAsync(invoiceId, "401.00", method: "ach");
        var dispatched = await host.Get<WriteBackDispatcher>().DispatchDueAsync(CancellationToken.None);

        var stored = await host.InvoiceByIdAsync(invoiceId);
        var requests = await host.RequestsAsync();
        Assert.Equal(0, (int)requests["total"]!);
        Assert.Equal(0, dispatched);
        Assert.Empty(await host.OutboxAsync(invoiceId));
        Assert.Equal(70100, stored.TotalMinor);
        Assert.Equal(PaymentSteps.Today.AddDays(30), stored.DueDate);
        Assert.Equal(InvoiceStatus.Paid, stored.Status);
        Assert.Equal(0, stored.OutstandingMinor);
        Assert.False(stored.PaidLocked);
        Assert.Equal(WriteBackStatus.None, stored.WriteBackStatus);
    }

    private static InvoiceLine Line(string description, decimal quantity, decimal unitPrice, long amountMinor) => new()
    {
        Id = Guid.NewGuid(),
        Description = description,
        Quantity = quantity,
        UnitPrice = unitPrice,
        AmountMinor = amountMinor,
    };
}
