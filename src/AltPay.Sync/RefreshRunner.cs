using System.Runtime.CompilerServices;
using AltPay.Data;
using AltPay.Domain;
using AltPay.SuperOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AltPay.Sync;

/// <summary>
/// The inbound refresh. It lists SuperOps clients, invoice lines and invoices page by page, skips records
/// whose content hash is unchanged and applies the inbound rules to the rest. Each page commits in its
/// own transaction, so a run that fails midway keeps the pages it applied.
/// </summary>
public sealed partial class RefreshRunner(
    IDbContextFactory<AltPayDbContext> dbFactory,
    SuperOpsClientFactory clientFactory,
    SuperOpsTokenProtector tokenProtector,
    TimeProvider timeProvider,
    ILogger<RefreshRunner> logger)
{
    // Pages read ahead while the current page is applied.
    private const int PagesAhead = 2;

    public async Task RunAsync(SyncRun run, SuperOpsConnection connection, CancellationToken cancellationToken)
    {
        var client = clientFactory.Create(tokenProtector.CredentialsFor(connection));

        // Everything a refresh writes is a copy of SuperOps that the next refresh reads again, so it
        // may use a connection that commits without waiting for the disk.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(connection.PartnerId);
        await using var checkpointer = await db.OpenForBulkWritesAsync(timeProvider, logger, cancellationToken);
        var context = new RefreshContext(run, connection, client, db, timeProvider);
        client.RateBudgetWait = context.ShowRateBudgetWait;

        try
        {
            await LoadKnownRecordsAsync(context, cancellationToken);
            var linesByInvoice = await RefreshHeadersWhileReadingLinesAsync(context, cancellationToken);
            await RefreshInvoiceLinesAsync(context, linesByInvoice, cancellationToken);
            Finish(context);
        }
        finally
        {
            run.SuperOpsRequests = client.RequestsSent;
        }
    }

    private static void Finish(RefreshContext context)
    {
        var incomplete = new[] { ("clients", context.Clients), ("invoices", context.Invoices), ("invoice lines", context.Lines) }
            .Where(listing => !listing.Item2.Complete)
            .ToList();

        if (incomplete.Count == 0)
        {
            context.Run.Status = SyncRunStatus.Succeeded;
            context.Run.Progress = "Finished";
            return;
        }

        // Page-number lists shift when records are created or deleted while they are read, so this run
        // may have missed some. The next refresh reads them again, so nothing is lost.
        context.Run.Status = SyncRunStatus.Incomplete;
        context.Run.Progress = "Finished";
        context.Run.Error = string.Join(" ", incomplete.Select(listing =>
            $"The SuperOps {listing.Item1} list changed while it was read ({listing.Item2.DistinctIds} of {listing.Item2.TotalCountAtEnd?.ToString() ?? "?"} records seen)."))
            + " The next refresh reads it again.";
    }

    // Customers and the ids of invoices already imported, so that a page of new records needs no lookup.
    private static async Task LoadKnownRecordsAsync(RefreshContext context, CancellationToken cancellationToken)
    {
        var customers = await context.Db.Customers
            .Where(customer => customer.Source == RecordSource.SuperOps)
            .Select(customer => new { customer.Id, customer.ExternalId })
            .ToListAsync(cancellationToken);

        foreach (var customer in customers)
        {
            context.CustomerIds[customer.ExternalId!] = customer.Id;
        }

        var invoices = await context.Db.Invoices
            .Where(invoice => invoice.Source == RecordSource.SuperOps)
            .Select(invoice => invoice.ExternalId!)
            .ToListAsync(cancellationToken);
        context.KnownInvoices.UnionWith(invoices);
    }

    // The line listing is the longest of the three, so it downloads while clients and invoice headers
    // are applied. The lines follow in a second pass over the invoices.
    private async Task<Dictionary<string, List<InboundLine>>> RefreshHeadersWhileReadingLinesAsync(RefreshContext context, CancellationToken cancellationToken)
    {
        using var stopLines = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopHeaders = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lines = Task.Run(() => ReadLinesAsync(context, stopLines.Token), CancellationToken.None);

        // A failed line listing fails the run, so the headers stop instead of reading on.
        _ = lines.ContinueWith(_ => CancelQuietly(stopHeaders), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

        try
        {
            await RefreshCustomersAsync(context, stopHeaders.Token);
            await RefreshInvoicesAsync(context, stopHeaders.Token);
        }
        catch (OperationCanceledException) when (lines.IsFaulted && !cancellationToken.IsCancellationRequested)
        {
            return await lines;
        }
        catch
        {
            await stopLines.CancelAsync();
            await ((Task)lines).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        return await lines;
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The headers already finished and the run has moved on.
        }
    }

    private async Task RefreshCustomersAsync(RefreshContext context, CancellationToken cancellationToken)
    {
        await foreach (var page in context.Client.ListClientsAsync(context.Clients, cancellationToken).PrefetchAsync(PagesAhead, cancellationToken))
        {
            var records = page.Where(record => context.SeenClients.Add(record.AccountId)).ToList();
            await ApplyCustomerPageAsync(context, records, cancellationToken);
            context.CountRead(ref context.ClientsRead, page.Count);
            SyncLog.PageApplied(logger, context.Run.Id, "clients", context.SeenClients.Count, page.Count);
        }
    }

    private async Task ApplyCustomerPageAsync(RefreshContext context, List<SuperOpsClientRecord> records, CancellationToken cancellationToken)
    {
        var db = context.Db;

        // The write transaction starts before the read, so no payment or edit commits in between.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await LoadExistingAsync(
            db.Customers.Where(customer => customer.Source == RecordSource.SuperOps),
            records.Select(record => record.AccountId).Where(context.CustomerIds.ContainsKey).ToList(),
            cancellationToken);
        var now = timeProvider.GetUtcNow();
        var created = new List<Customer>();
        var restored = new List<Customer>();

        foreach (var record in records)
        {
            var hash = InboundMapper.Hash(record);
            var inbound = InboundMapper.ToInbound(record);

            if (!existing.TryGetValue(record.AccountId, out var customer))
            {
                customer = CustomerInboundRules.CreateFromSuperOps(context.PartnerId, inbound, now);
                customer.ContentHash = hash;
                created.Add(customer);
                context.CustomerIds[record.AccountId] = customer.Id;
                context.Run.CustomersCreated++;
                continue;
            }

            if (customer.IsArchived)
            {
                customer.Restore(now);
                context.Run.CustomersRestored++;
                restored.Add(customer);
            }

            if (customer.ContentHash == hash)
            {
                continue;
            }

            CustomerInboundRules.Apply(customer, inbound, now);
            customer.ContentHash = hash;
            context.Run.CustomersUpdated++;
        }

        await SweepRunner.AddCustomerEventsAsync(db, restored, TimelineKinds.Restored,
            customer => $"Customer {customer.Name} restored: SuperOps lists the client again.", context.Run.Id, now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        await db.BulkInsertAsync(created, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    // Loads the tracked records of the given SuperOps ids. A page of records new to AltPay needs no query.
    private static async Task<Dictionary<string, T>> LoadExistingAsync<T>(IQueryable<T> records, List<string> externalIds, CancellationToken cancellationToken)
        where T : class, ISuperOpsRecord
    {
        if (externalIds.Count == 0)
        {
            return new Dictionary<string, T>(StringComparer.Ordinal);
        }

        return await records
            .Where(record => externalIds.Contains(record.ExternalId!))
            .ToDictionaryAsync(record => record.ExternalId!, StringComparer.Ordinal, cancellationToken);
    }

    private async Task RefreshInvoicesAsync(RefreshContext context, CancellationToken cancellationToken)
    {
        var pages = context.Client.ListInvoicesAsync(context.Invoices, context.Connection.InvoicePayments, cancellationToken);
        await foreach (var page in PrepareAsync(context, pages, cancellationToken).PrefetchAsync(PagesAhead, cancellationToken))
        {
            await ApplyInvoicePageAsync(context, page.Items, cancellationToken);
            context.CountRead(ref context.InvoicesRead, page.Read);
            SyncLog.PageApplied(logger, context.Run.Id, "invoices", context.InvoicesRead, page.Read);
        }
    }

    // Runs on the reading task, so that mapping and hashing a page overlap the writes of the page before.
    private static async IAsyncEnumerable<PreparedPage> PrepareAsync(
        RefreshContext context,
        IAsyncEnumerable<IReadOnlyList<SuperOpsInvoiceRecord>> pages,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            var items = page
                .Where(record => context.SeenInvoices.Add(record.InvoiceId))
                .Select(record => ToPageItem(context, record))
                .ToList();
            yield return new PreparedPage(items, page.Count);
        }
    }

    private static InvoicePageItem ToPageItem(RefreshContext context, SuperOpsInvoiceRecord record)
    {
        var inbound = InboundMapper.ToInbound(record, context.Connection.Currency, context.Connection.InvoicePayments);
        return new InvoicePageItem(record, inbound, InboundMapper.Hash(inbound));
    }

    private async Task ApplyInvoicePageAsync(RefreshContext context, List<InvoicePageItem> page, CancellationToken cancellationToken)
    {
        var db = context.Db;

        // The write transaction starts before the read, so a payment cannot set the paid-lock between
        // the rules reading an invoice and this page writing it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await LoadExistingAsync(
            db.Invoices.Where(invoice => invoice.Source == RecordSource.SuperOps),
            page.Select(item => item.Inbound.ExternalId).Where(context.KnownInvoices.Contains).ToList(),
            cancellationToken);
        var writer = new InvoiceChangeWriter(db, context.Run, timeProvider.GetUtcNow());
        var changes = new PageChanges();

        foreach (var item in page)
        {
            if (existing.TryGetValue(item.Inbound.ExternalId, out var invoice))
            {
                await ApplyExistingAsync(context, db, writer, invoice, item, cancellationToken);
            }
            else if (InvoiceInboundRules.ShouldImport(item.Inbound))
            {
                Import(context, db, writer, changes, item);
            }
        }

        // Changes go through EF first, so that customers made for new invoices exist before them. New
        // rows then go in bulk, because a first import inserts hundreds of thousands of them.
        await db.SaveChangesAsync(cancellationToken);
        await db.BulkInsertAsync(changes.Invoices, cancellationToken);
        await db.BulkInsertAsync(changes.Events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private void Import(RefreshContext context, AltPayDbContext db, InvoiceChangeWriter writer, PageChanges changes, InvoicePageItem item)
    {
        var customerId = ResolveCustomer(context, db, item.Record, writer.Now);
        var invoice = InvoiceInboundRules.CreateFromSuperOps(context.PartnerId, customerId, context.Connection.Currency, item.Inbound, writer.Now);
        invoice.HeaderHash = item.HeaderHash;

        changes.Invoices.Add(invoice);
        context.Applied.Add(new AppliedInvoice(item.Inbound.ExternalId, item.Record.ClientAccountId, invoice.Id, LinesHash: null, IsNew: true, CountedUpdated: false));
        changes.Events.Add(writer.Imported(invoice));
    }

    private async Task ApplyExistingAsync(
        RefreshContext context,
        AltPayDbContext db,
        InvoiceChangeWriter writer,
        Invoice invoice,
        InvoicePageItem item,
        CancellationToken cancellationToken)
    {
        var restored = writer.RestoreIfArchived(invoice);
        var changed = false;
        var heldBack = false;

        if (invoice.HeaderHash != item.HeaderHash)
        {
            var result = InvoiceInboundRules.ApplyHeader(invoice, item.Inbound, ResolveCustomer(context, db, item.Record, writer.Now), writer.Now);
            await writer.RecordAsync(invoice, result, cancellationToken);
            changed = result.Changed;
            heldBack = result.Ignored.Count > 0;

            // Under the paid-lock the hash stays old, so that the change is applied once the lock lifts.
            if (!invoice.PaidLocked)
            {
                invoice.HeaderHash = item.HeaderHash;
            }
        }

        if (changed || restored)
        {
            context.Run.InvoicesUpdated++;
        }
        else
        {
            context.Run.InvoicesUnchanged++;
        }

        context.Applied.Add(new AppliedInvoice(item.Inbound.ExternalId, item.Record.ClientAccountId, invoice.Id, invoice.SuperOpsLinesHash, IsNew: false, CountedUpdated: changed || restored)
        {
            HeaderCurrent = !heldBack,
        });
    }

    // SuperOps keeps invoices of a client it no longer lists (a soft-deleted client, or one created
    // after the client listing), so such an invoice gets a customer made from its client reference.
    private static Guid ResolveCustomer(RefreshContext context, AltPayDbContext db, SuperOpsInvoiceRecord record, DateTimeOffset now)
    {
        var accountId = record.ClientAccountId ?? "";
        if (context.CustomerIds.TryGetValue(accountId, out var customerId))
        {
            return customerId;
        }

        var name = string.IsNullOrWhiteSpace(record.ClientName) ? $"SuperOps client {accountId}" : record.ClientName;
        var customer = CustomerInboundRules.CreateFromSuperOps(
            context.PartnerId,
            new InboundCustomer(accountId, name, null, null),
            now);
        db.Customers.Add(customer);
        context.CustomerIds[accountId] = customer.Id;
        context.Run.CustomersCreated++;
        return customer.Id;
    }

    private static async Task<Dictionary<string, List<InboundLine>>> ReadLinesAsync(RefreshContext context, CancellationToken cancellationToken)
    {
        var linesByInvoice = new Dictionary<string, List<InboundLine>>(StringComparer.Ordinal);
        var seenLines = new HashSet<string>(StringComparer.Ordinal);

        await foreach (var page in context.Client.ListInvoiceLinesAsync(context.Lines, cancellationToken).PrefetchAsync(PagesAhead, cancellationToken))
        {
            foreach (var record in page)
            {
                if (!seenLines.Add(record.ItemId))
                {
                    continue;
                }

                if (!linesByInvoice.TryGetValue(record.InvoiceId, out var lines))
                {
                    lines = [];
                    linesByInvoice[record.InvoiceId] = lines;
                }

                lines.Add(InboundMapper.ToInbound(record, context.Connection.Currency));
            }

            context.CountRead(ref context.LinesRead, page.Count);
        }

        return linesByInvoice;
    }

    private sealed record InvoicePageItem(SuperOpsInvoiceRecord Record, InboundInvoice Inbound, string HeaderHash);

    /// <summary>The new invoices of one SuperOps page, and how many records the page held.</summary>
    private sealed record PreparedPage(List<InvoicePageItem> Items, int Read);

    /// <summary>Rows one invoice page writes in bulk after its tracked changes.</summary>
    private sealed class PageChanges
    {
        public List<Invoice> Invoices { get; } = [];

        public List<TimelineEvent> Events { get; } = [];
    }

    private sealed class RefreshContext(SyncRun run, SuperOpsConnection connection, SuperOpsClient client, AltPayDbContext db, TimeProvider clock)
    {
        // Records read per listing. Lines are read on another task beside the clients, so these are
        // fields counted with Interlocked, and the run's count and progress are rebuilt from all three.
        public int ClientsRead;
        public int LinesRead;
        public int InvoicesRead;

        public SyncRun Run { get; } = run;

        public AltPayDbContext Db { get; } = db;

        public SuperOpsConnection Connection { get; } = connection;

        public SuperOpsClient Client { get; } = client;

        public Guid PartnerId => Connection.PartnerId;

        public SuperOpsListing Clients { get; } = new();

        public SuperOpsListing Invoices { get; } = new();

        public SuperOpsListing Lines { get; } = new();

        public HashSet<string> SeenClients { get; } = new(StringComparer.Ordinal);

        public HashSet<string> SeenInvoices { get; } = new(StringComparer.Ordinal);

        public HashSet<string> KnownInvoices { get; } = new(StringComparer.Ordinal);

        /// <summary>Invoices whose header this run applied or imported, in listing order, for the lines pass.</summary>
        public List<AppliedInvoice> Applied { get; } = [];

        public int LinesApplied;

        public Dictionary<string, Guid> CustomerIds { get; } = new(StringComparer.Ordinal);

        // The latest end of a wait for the request limit, in UTC ticks. Two listings are read
        // at once, so the page of one must not hide that the other waits.
        private long _rateBudgetWaitEnds;

        public void ShowRateBudgetWait(TimeSpan wait)
        {
            Interlocked.Exchange(ref _rateBudgetWaitEnds, (clock.GetUtcNow() + wait).UtcTicks);
            Run.Progress = RateBudgetProgress.Describe(wait);
        }

        public void CountRead(ref int counter, int records)
        {
            Interlocked.Add(ref counter, records);
            var clients = Volatile.Read(ref ClientsRead);
            var lines = Volatile.Read(ref LinesRead);
            var invoices = Volatile.Read(ref InvoicesRead);

            Run.RecordsRead = clients + lines + invoices;
            var linesRead = $"{lines} of {Lines.TotalCountAtStart?.ToString() ?? "?"} invoice lines read";
            var progress = invoices > 0
                ? $"Applying invoices: {invoices} of {Invoices.TotalCountAtStart?.ToString() ?? "?"} read; {linesRead}"
                : $"Applying clients: {clients} read; {linesRead}";

            var waitLeft = new DateTimeOffset(Interlocked.Read(ref _rateBudgetWaitEnds), TimeSpan.Zero) - clock.GetUtcNow();
            Run.Progress = waitLeft > TimeSpan.Zero ? $"{progress}. {RateBudgetProgress.Describe(waitLeft)}" : progress;
        }
    }
}
