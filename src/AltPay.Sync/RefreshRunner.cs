using AltPay.Data;
using AltPay.Domain;
using AltPay.SuperOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AltPay.Sync;

/// <summary>
/// The inbound refresh: lists SuperOps clients, invoices and invoice lines page by page, skips records
/// whose content hash is unchanged, applies the inbound rules to the rest and commits each page in its
/// own transaction, so a run that fails midway keeps the pages it applied.
/// </summary>
public sealed class RefreshRunner(
    IDbContextFactory<AltPayDbContext> dbFactory,
    SuperOpsClientFactory clientFactory,
    SuperOpsTokenProtector tokenProtector,
    TimeProvider timeProvider,
    ILogger<RefreshRunner> logger)
{
    // Invoices whose lines changed are rewritten this many at a time, one transaction each.
    private const int LineChunkSize = 100;

    // Pages read ahead while the current page is applied.
    private const int PagesAhead = 2;

    public async Task RunAsync(SyncRun run, SuperOpsConnection connection, CancellationToken cancellationToken)
    {
        var client = clientFactory.Create(Credentials(connection));
        var context = new RefreshContext(run, connection, client);

        try
        {
            await RefreshCustomersAsync(context, cancellationToken);
            await RefreshInvoicesAsync(context, cancellationToken);
            await RefreshLinesAsync(context, cancellationToken);
            Finish(context);
        }
        finally
        {
            run.SuperOpsRequests = client.RequestsSent;
        }
    }

    internal SuperOpsCredentials Credentials(SuperOpsConnection connection)
    {
        if (connection.ProtectedToken is null)
        {
            throw new NotConnectedException();
        }

        var region = connection.Region == "eu" ? SuperOpsRegion.Eu : SuperOpsRegion.Us;
        return new SuperOpsCredentials(connection.Subdomain, tokenProtector.Unprotect(connection.ProtectedToken), region);
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

        // Page-number lists shift when records are created or deleted while they are read; the next
        // refresh reads them again, so nothing is lost, but this run may have missed some.
        context.Run.Status = SyncRunStatus.Incomplete;
        context.Run.Progress = "Finished";
        context.Run.Error = string.Join(" ", incomplete.Select(listing =>
            $"The SuperOps {listing.Item1} list changed while it was read ({listing.Item2.DistinctIds} of {listing.Item2.TotalCountAtEnd?.ToString() ?? "?"} records seen)."))
            + " The next refresh reads it again.";
    }

    private async Task RefreshCustomersAsync(RefreshContext context, CancellationToken cancellationToken)
    {
        await foreach (var page in context.Client.ListClientsAsync(context.Clients, cancellationToken).PrefetchAsync(PagesAhead, cancellationToken))
        {
            var records = page.Where(record => context.SeenClients.Add(record.AccountId)).ToList();
            await ApplyCustomerPageAsync(context, records, cancellationToken);
            context.Run.RecordsRead += page.Count;
            context.Run.Progress = $"Reading clients: {context.SeenClients.Count} read";
            SyncLog.PageApplied(logger, context.Run.Id, "clients", context.SeenClients.Count, page.Count);
        }
    }

    private async Task ApplyCustomerPageAsync(RefreshContext context, List<SuperOpsClientRecord> records, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var ids = records.Select(record => record.AccountId).ToList();
        var existing = await db.Customers
            .Where(customer => customer.Source == RecordSource.SuperOps && ids.Contains(customer.ExternalId!))
            .ToDictionaryAsync(customer => customer.ExternalId!, cancellationToken);
        var now = timeProvider.GetUtcNow();

        foreach (var record in records)
        {
            var hash = InboundMapper.Hash(record);
            var inbound = InboundMapper.ToInbound(record);

            if (!existing.TryGetValue(record.AccountId, out var customer))
            {
                customer = CustomerInboundRules.CreateFromSuperOps(context.PartnerId, inbound, now);
                customer.ContentHash = hash;
                db.Customers.Add(customer);
                context.CustomerIds[record.AccountId] = customer.Id;
                context.Run.CustomersCreated++;
                continue;
            }

            if (customer.IsArchived)
            {
                customer.ArchivedAt = null;
                customer.ArchiveReason = null;
                customer.ArchivedBySweepRunId = null;
                customer.UpdatedAt = now;
                context.Run.CustomersRestored++;
            }

            if (customer.ContentHash == hash)
            {
                continue;
            }

            CustomerInboundRules.Apply(customer, inbound, now);
            customer.ContentHash = hash;
            context.Run.CustomersUpdated++;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RefreshInvoicesAsync(RefreshContext context, CancellationToken cancellationToken)
    {
        await LoadCustomerIdsAsync(context, cancellationToken);

        var withPayments = context.Connection.InvoicePayments;
        await foreach (var page in context.Client.ListInvoicesAsync(context.Invoices, withPayments, cancellationToken).PrefetchAsync(PagesAhead, cancellationToken))
        {
            var records = page.Where(record => context.SeenInvoices.Add(record.InvoiceId)).ToList();
            var inbound = records.Select(record => (Record: record, Inbound: InboundMapper.ToInbound(record, context.Connection.Currency, withPayments))).ToList();
            await ApplyInvoicePageAsync(context, inbound, cancellationToken);
            context.Run.RecordsRead += page.Count;
            context.Run.Progress = $"Reading invoices: {context.SeenInvoices.Count} of {context.Invoices.TotalCountAtStart?.ToString() ?? "?"} read";
            SyncLog.PageApplied(logger, context.Run.Id, "invoices", context.SeenInvoices.Count, page.Count);
        }
    }

    private async Task LoadCustomerIdsAsync(RefreshContext context, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var customers = await db.Customers
            .Where(customer => customer.Source == RecordSource.SuperOps)
            .Select(customer => new { customer.Id, customer.ExternalId })
            .ToListAsync(cancellationToken);

        foreach (var customer in customers)
        {
            context.CustomerIds[customer.ExternalId!] = customer.Id;
        }
    }

    private async Task ApplyInvoicePageAsync(
        RefreshContext context,
        List<(SuperOpsInvoiceRecord Record, InboundInvoice Inbound)> page,
        CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var ids = page.Select(item => item.Inbound.ExternalId).ToList();
        var existing = await db.Invoices
            .Where(invoice => invoice.Source == RecordSource.SuperOps && ids.Contains(invoice.ExternalId!))
            .ToDictionaryAsync(invoice => invoice.ExternalId!, cancellationToken);
        var writer = new InvoiceChangeWriter(db, context.Run, timeProvider.GetUtcNow());

        foreach (var (record, inbound) in page)
        {
            var hash = InboundMapper.Hash(inbound);

            if (!existing.TryGetValue(inbound.ExternalId, out var invoice))
            {
                if (!InvoiceInboundRules.ShouldImport(inbound))
                {
                    continue;
                }

                var customerId = ResolveCustomer(context, db, record, writer.Now);
                invoice = InvoiceInboundRules.CreateFromSuperOps(context.PartnerId, customerId, context.Connection.Currency, inbound, writer.Now);
                invoice.HeaderHash = hash;
                db.Invoices.Add(invoice);
                writer.Imported(invoice);
                continue;
            }

            var restored = writer.RestoreIfArchived(invoice);
            if (invoice.HeaderHash == hash)
            {
                CountUnchangedOrRestored(context.Run, restored);
                continue;
            }

            var result = InvoiceInboundRules.ApplyHeader(invoice, inbound, ResolveCustomer(context, db, record, writer.Now), writer.Now);
            await writer.RecordAsync(invoice, result, cancellationToken);

            // Under the paid-lock the hash stays old, so that the change is applied once the lock lifts.
            if (!invoice.PaidLocked)
            {
                invoice.HeaderHash = hash;
            }

            if (result.Changed || restored)
            {
                context.Run.InvoicesUpdated++;
            }
            else
            {
                context.Run.InvoicesUnchanged++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void CountUnchangedOrRestored(SyncRun run, bool restored)
    {
        if (restored)
        {
            run.InvoicesUpdated++;
        }
        else
        {
            run.InvoicesUnchanged++;
        }
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

    private async Task RefreshLinesAsync(RefreshContext context, CancellationToken cancellationToken)
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

            context.Run.RecordsRead += page.Count;
            context.Run.Progress = $"Reading invoice lines: {seenLines.Count} of {context.Lines.TotalCountAtStart?.ToString() ?? "?"} read";
        }

        await ApplyLinesAsync(context, linesByInvoice, cancellationToken);
    }

    private async Task ApplyLinesAsync(RefreshContext context, Dictionary<string, List<InboundLine>> linesByInvoice, CancellationToken cancellationToken)
    {
        List<(Guid Id, string ExternalId, string? LinesHash)> stored;
        await using (var db = await OpenAsync(context, cancellationToken))
        {
            var rows = await db.Invoices
                .Where(invoice => invoice.Source == RecordSource.SuperOps)
                .Select(invoice => new { invoice.Id, invoice.ExternalId, invoice.SuperOpsLinesHash })
                .ToListAsync(cancellationToken);
            stored = rows.Select(row => (row.Id, row.ExternalId!, row.SuperOpsLinesHash)).ToList();
        }

        var changed = new List<(Guid InvoiceId, List<InboundLine> Lines, string Hash)>();
        foreach (var (id, externalId, linesHash) in stored)
        {
            // An invoice listed with no lines has none only if the whole line listing was read.
            if (!linesByInvoice.TryGetValue(externalId, out var lines))
            {
                if (!context.Lines.Complete || !context.SeenInvoices.Contains(externalId))
                {
                    continue;
                }

                lines = [];
            }

            var (ordered, hash) = InboundMapper.OrderAndHash(lines);
            if (hash != linesHash)
            {
                changed.Add((id, ordered, hash));
            }
        }

        foreach (var chunk in changed.Chunk(LineChunkSize))
        {
            await ApplyLineChunkAsync(context, chunk, cancellationToken);
        }
    }

    private async Task ApplyLineChunkAsync(
        RefreshContext context,
        (Guid InvoiceId, List<InboundLine> Lines, string Hash)[] chunk,
        CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var ids = chunk.Select(item => item.InvoiceId).ToList();
        var invoices = await db.Invoices
            .Include(invoice => invoice.Lines)
            .Where(invoice => ids.Contains(invoice.Id))
            .ToDictionaryAsync(invoice => invoice.Id, cancellationToken);
        var writer = new InvoiceChangeWriter(db, context.Run, timeProvider.GetUtcNow());

        foreach (var (invoiceId, lines, hash) in chunk)
        {
            var invoice = invoices[invoiceId];
            var isFirstImport = invoice.SuperOpsLinesHash is null;
            var removed = invoice.Lines.ToList();
            var result = InvoiceInboundRules.ApplyLines(invoice, lines, hash, writer.Now);

            if (result.Changed)
            {
                db.InvoiceLines.RemoveRange(removed);
            }

            if (!isFirstImport)
            {
                await writer.RecordAsync(invoice, result, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        context.Run.Progress = "Applying invoice lines";
    }

    private async Task<AltPayDbContext> OpenAsync(RefreshContext context, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return db.ForPartner(context.PartnerId);
    }

    private sealed class RefreshContext(SyncRun run, SuperOpsConnection connection, SuperOpsClient client)
    {
        public SyncRun Run { get; } = run;

        public SuperOpsConnection Connection { get; } = connection;

        public SuperOpsClient Client { get; } = client;

        public Guid PartnerId => Connection.PartnerId;

        public SuperOpsListing Clients { get; } = new();

        public SuperOpsListing Invoices { get; } = new();

        public SuperOpsListing Lines { get; } = new();

        public HashSet<string> SeenClients { get; } = new(StringComparer.Ordinal);

        public HashSet<string> SeenInvoices { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Guid> CustomerIds { get; } = new(StringComparer.Ordinal);
    }
}
