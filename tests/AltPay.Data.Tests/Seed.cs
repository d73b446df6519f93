using AltPay.Domain;

namespace AltPay.Data.Tests;

/// <summary>Partner-owned rows with fixed values, for seeding test databases.</summary>
internal static class Seed
{
    public static readonly DateTimeOffset Now = new(2026, 1, 2, 9, 0, 0, TimeSpan.Zero);

    public static Customer Customer(Guid partnerId, string externalId = "9001") => new()
    {
        Id = Guid.NewGuid(),
        PartnerId = partnerId,
        Name = $"Customer {externalId}",
        Source = RecordSource.SuperOps,
        ExternalId = externalId,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static Invoice Invoice(Guid partnerId, Guid customerId, string externalId = "5001") => new()
    {
        Id = Guid.NewGuid(),
        PartnerId = partnerId,
        CustomerId = customerId,
        Number = $"INV-{externalId}",
        Source = RecordSource.SuperOps,
        ExternalId = externalId,
        Currency = "USD",
        InvoiceDate = new DateOnly(2026, 1, 1),
        DueDate = new DateOnly(2026, 1, 31),
        TotalMinor = 10000,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static SyncRun SyncRun(Guid partnerId) => new()
    {
        Id = Guid.NewGuid(),
        PartnerId = partnerId,
        ConnectionId = Guid.NewGuid(),
        Kind = SyncRunKind.Refresh,
        Trigger = SyncRunTrigger.Manual,
        Status = SyncRunStatus.Succeeded,
        StartedAt = Now,
        FinishedAt = Now.AddSeconds(3),
        InvoicesCreated = 1,
    };

    /// <summary>Saves a partner with one customer, and an invoice that <paramref name="configure"/> may change first.</summary>
    public static async Task<Invoice> InvoiceAsync(TestDatabase database, Guid partnerId, Action<Invoice>? configure = null)
    {
        await using var db = database.CreateContext(partnerId);
        var customer = Customer(partnerId);
        var invoice = Invoice(partnerId, customer.Id);
        configure?.Invoke(invoice);

        db.Partners.Add(new Partner { Id = partnerId, Name = $"Partner {partnerId:N}", CreatedAt = Now });
        db.Customers.Add(customer);
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        return invoice;
    }
}
