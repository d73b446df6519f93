using System.Text.Json;
using System.Text.Json.Serialization;
using AltPay.Data;
using AltPay.Domain;
using AltPay.SuperOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AltPay.Sync;

/// <summary>
/// The deletion sweep. SuperOps has no deleted flag or change feed, so a record is archived only when
/// a complete id listing lacks it and a point lookup returns not found for it. A listing with any
/// error, throttle or count mismatch archives nothing, and a sweep that would archive more than
/// max(10, 5 %) of the partner's SuperOps records waits for the partner to confirm.
/// </summary>
public sealed class SweepRunner(
    IDbContextFactory<AltPayDbContext> dbFactory,
    SuperOpsClientFactory clientFactory,
    SuperOpsTokenProtector tokenProtector,
    TimeProvider timeProvider,
    ILogger<SweepRunner> logger)
{
    public const int CircuitBreakerMinimum = 10;
    public const decimal CircuitBreakerShare = 0.05m;

    private static readonly JsonSerializerOptions HeldBackJson = new(JsonSerializerDefaults.Web);

    public async Task RunAsync(SyncRun run, SuperOpsConnection connection, CancellationToken cancellationToken)
    {
        var client = clientFactory.Create(tokenProtector.CredentialsFor(connection));
        client.ReportWaitsTo(run);

        try
        {
            await SweepAsync(run, connection, client, cancellationToken);
        }
        finally
        {
            run.SuperOpsRequests = client.RequestsSent;
        }
    }

    private async Task SweepAsync(SyncRun run, SuperOpsConnection connection, SuperOpsClient client, CancellationToken cancellationToken)
    {
        var clientListing = new SuperOpsListing();
        var invoiceListing = new SuperOpsListing();

        var clientIds = await CollectAsync(client.ListClientIdsAsync(clientListing, cancellationToken), run, "client");
        var invoiceIds = await CollectAsync(client.ListInvoiceIdsAsync(invoiceListing, cancellationToken), run, "invoice");

        if (!clientListing.Complete || !invoiceListing.Complete)
        {
            run.Status = SyncRunStatus.Incomplete;
            run.Progress = "Finished";
            run.Error = "Nothing was archived because a SuperOps list changed while it was read "
                + $"(clients {clientListing.DistinctIds} of {clientListing.TotalCountAtEnd?.ToString() ?? "?"}, "
                + $"invoices {invoiceListing.DistinctIds} of {invoiceListing.TotalCountAtEnd?.ToString() ?? "?"}). The next sweep tries again.";
            SyncLog.SweepIncomplete(logger, run.Id, run.PartnerId, clientListing.DistinctIds, invoiceListing.DistinctIds);
            return;
        }

        var candidates = await FindCandidatesAsync(run, clientIds, invoiceIds, cancellationToken);
        var confirmed = await ConfirmMissingAsync(run, client, candidates, cancellationToken);
        var threshold = Math.Max(CircuitBreakerMinimum, (int)Math.Floor(candidates.SuperOpsRecords * CircuitBreakerShare));

        if (confirmed.Count > threshold)
        {
            run.Status = SyncRunStatus.AwaitingConfirmation;
            run.Progress = "Finished";
            run.HeldBack = JsonSerializer.Serialize(confirmed, HeldBackJson);
            run.Error = $"{confirmed.Count} records are missing from SuperOps, more than the {threshold} a sweep archives without asking. "
                + "Nothing was archived: confirm the sweep to archive them, or dismiss it.";
            SyncLog.SweepHeldBack(logger, run.Id, run.PartnerId, confirmed.Count, threshold);
            return;
        }

        await ArchiveAsync(run, confirmed, cancellationToken);
        run.Status = SyncRunStatus.Succeeded;
        run.Progress = "Finished";
    }

    /// <summary>Archives exactly what a held-back sweep found, once the partner confirms.</summary>
    public async Task ConfirmAsync(SyncRun run, CancellationToken cancellationToken)
    {
        var held = JsonSerializer.Deserialize<HeldBackRecords>(run.HeldBack ?? "{}", HeldBackJson) ?? new HeldBackRecords([], []);
        await ArchiveAsync(run, held, cancellationToken);
        run.Status = SyncRunStatus.Succeeded;
        run.Error = null;
        run.HeldBack = null;
        run.Progress = "Confirmed by the partner";
    }

    // The listing reads one page at a time, so each page that arrives ends any wait for the request limit.
    private static async Task<HashSet<string>> CollectAsync(IAsyncEnumerable<IReadOnlyList<string>> pages, SyncRun run, string record)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        run.Progress = $"Listing {record} ids";

        await foreach (var page in pages)
        {
            ids.UnionWith(page);
            run.RecordsRead += page.Count;
            run.Progress = $"Listing {record} ids: {ids.Count} read";
        }

        return ids;
    }

    private async Task<SweepCandidates> FindCandidatesAsync(SyncRun run, HashSet<string> clientIds, HashSet<string> invoiceIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(run.PartnerId);

        var customers = await db.Customers
            .Where(customer => customer.Source == RecordSource.SuperOps)
            .Select(customer => new { customer.Id, customer.ExternalId, customer.ArchivedAt })
            .ToListAsync(cancellationToken);
        var invoices = await db.Invoices
            .Where(invoice => invoice.Source == RecordSource.SuperOps)
            .Select(invoice => new { invoice.Id, invoice.ExternalId, invoice.ArchivedAt })
            .ToListAsync(cancellationToken);

        var missingCustomers = customers.Where(row => row.ArchivedAt is null && !clientIds.Contains(row.ExternalId!)).Select(row => (row.Id, row.ExternalId!)).ToList();
        var missingInvoices = invoices.Where(row => row.ArchivedAt is null && !invoiceIds.Contains(row.ExternalId!)).Select(row => (row.Id, row.ExternalId!)).ToList();
        var reappearedCustomers = customers.Where(row => row.ArchivedAt is not null && clientIds.Contains(row.ExternalId!)).Select(row => row.Id).ToList();
        var reappearedInvoices = invoices.Where(row => row.ArchivedAt is not null && invoiceIds.Contains(row.ExternalId!)).Select(row => row.Id).ToList();

        await RestoreAsync(run, reappearedCustomers, reappearedInvoices, cancellationToken);

        var superOpsRecords = customers.Count(row => row.ArchivedAt is null) + invoices.Count(row => row.ArchivedAt is null);
        return new SweepCandidates(missingCustomers, missingInvoices, superOpsRecords);
    }

    // A record missing from a complete listing is archived only once a point lookup returns not found for it.
    private static async Task<HeldBackRecords> ConfirmMissingAsync(SyncRun run, SuperOpsClient client, SweepCandidates candidates, CancellationToken cancellationToken)
    {
        var customers = new List<Guid>();
        var invoices = new List<Guid>();

        foreach (var (id, externalId) in candidates.Customers)
        {
            run.Progress = $"Confirming missing client {externalId}";
            if (await client.GetClientAsync(externalId, cancellationToken) is null)
            {
                customers.Add(id);
            }
        }

        foreach (var (id, externalId) in candidates.Invoices)
        {
            run.Progress = $"Confirming missing invoice {externalId}";
            if (await client.GetInvoiceAsync(externalId, includePayments: false, cancellationToken) is null)
            {
                invoices.Add(id);
            }
        }

        return new HeldBackRecords(customers, invoices);
    }

    private async Task ArchiveAsync(SyncRun run, HeldBackRecords records, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(run.PartnerId);

        // The write transaction starts before the read, so a payment recorded meanwhile still marks
        // its invoice for review.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var reason = $"Deleted in SuperOps: missing from a complete listing and not found by id on {now:yyyy-MM-dd HH:mm} UTC.";

        var customers = await db.Customers
            .Where(customer => records.Customers.Contains(customer.Id) && customer.ArchivedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var customer in customers)
        {
            customer.Archive(reason, run.Id, now);
        }

        await AddCustomerEventsAsync(db, customers, TimelineKinds.Archived, customer => $"Customer {customer.Name} archived: {reason}", run.Id, now, cancellationToken);

        var invoices = await db.Invoices
            .Where(invoice => records.Invoices.Contains(invoice.Id) && invoice.ArchivedAt == null)
            .ToListAsync(cancellationToken);
        var invoiceIds = invoices.Select(invoice => invoice.Id).ToList();
        var withPayments = await db.Payments
            .Where(payment => invoiceIds.Contains(payment.InvoiceId))
            .Select(payment => payment.InvoiceId)
            .Distinct()
            .ToListAsync(cancellationToken);

        foreach (var invoice in invoices)
        {
            var needsReview = withPayments.Contains(invoice.Id) || invoice.WriteBackStatus == WriteBackStatus.Pending;
            invoice.Archive(reason, run.Id, needsReview, now);

            var message = invoice.NeedsReview
                ? $"Archived for review: {reason} It has AltPay payments or a pending write-back."
                : $"Archived: {reason}";
            db.TimelineEvents.Add(TimelineEvent.For(invoice, TimelineKinds.Archived, message, now, run.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        run.CustomersArchived += customers.Count;
        run.InvoicesArchived += invoices.Count;
        SyncLog.SweepArchived(logger, run.Id, run.PartnerId, customers.Count, invoices.Count);
    }

    private async Task RestoreAsync(SyncRun run, List<Guid> customerIds, List<Guid> invoiceIds, CancellationToken cancellationToken)
    {
        if (customerIds.Count == 0 && invoiceIds.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(run.PartnerId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();

        var customers = await db.Customers.Where(customer => customerIds.Contains(customer.Id)).ToListAsync(cancellationToken);
        foreach (var customer in customers)
        {
            customer.Restore(now);
        }

        await AddCustomerEventsAsync(db, customers, TimelineKinds.Restored, customer => $"Customer {customer.Name} restored: SuperOps lists the client again.", run.Id, now, cancellationToken);

        foreach (var invoice in await db.Invoices.Where(invoice => invoiceIds.Contains(invoice.Id)).ToListAsync(cancellationToken))
        {
            invoice.Restore(now);
            db.TimelineEvents.Add(TimelineEvent.For(invoice, TimelineKinds.Restored, "Restored: SuperOps lists this invoice again.", now, run.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        run.CustomersRestored += customerIds.Count;
        run.InvoicesRestored += invoiceIds.Count;
    }

    /// <summary>Adds an event to every invoice of each customer, since a customer's archive or restore matters on its invoices.</summary>
    internal static async Task AddCustomerEventsAsync(
        AltPayDbContext db,
        IReadOnlyList<Customer> customers,
        string kind,
        Func<Customer, string> message,
        Guid runId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (customers.Count == 0)
        {
            return;
        }

        var byId = customers.ToDictionary(customer => customer.Id);
        var ids = byId.Keys.ToList();
        var invoices = await db.Invoices
            .Where(invoice => ids.Contains(invoice.CustomerId))
            .Select(invoice => new { invoice.Id, invoice.PartnerId, invoice.CustomerId })
            .ToListAsync(cancellationToken);

        foreach (var invoice in invoices)
        {
            db.TimelineEvents.Add(TimelineEvent.For(invoice.PartnerId, invoice.Id, kind, message(byId[invoice.CustomerId]), now, runId));
        }
    }

    private sealed record SweepCandidates(List<(Guid Id, string ExternalId)> Customers, List<(Guid Id, string ExternalId)> Invoices, int SuperOpsRecords);

    private sealed record HeldBackRecords(List<Guid> Customers, List<Guid> Invoices)
    {
        [JsonIgnore]
        public int Count => Customers.Count + Invoices.Count;
    }
}
