using AltPay.Data;
using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Sync;

/// <summary>
/// The second pass of a refresh: the SuperOps lines of the invoices whose headers the first pass
/// applied, in pages of invoices, each in its own transaction.
/// </summary>
public sealed partial class RefreshRunner
{
    // Invoices per transaction of the line pass. These pages are AltPay's own, not SuperOps', so they
    // can be larger: ten times fewer commits saved about 0.5 s of a 100,000-invoice import, and a page
    // of about 3,000 lines holds the write lock for tens of milliseconds.
    private const int LinePageSize = 1000;

    private async Task RefreshInvoiceLinesAsync(RefreshContext context, Dictionary<string, List<InboundLine>> linesByInvoice, CancellationToken cancellationToken)
    {
        await foreach (var page in PrepareLinePagesAsync(context, linesByInvoice).PrefetchAsync(PagesAhead, cancellationToken))
        {
            if (page.Changes.Count > 0)
            {
                await ApplyLinePageAsync(context, page.Changes, cancellationToken);
            }

            context.LinesApplied += page.Invoices;
            context.Run.Progress = $"Applying invoice lines: {context.LinesApplied} of {context.Applied.Count} invoices";
        }
    }

    // Runs on another task, so that ordering and hashing the lines overlaps the writes of the page before.
    private static IAsyncEnumerable<LinePage> PrepareLinePagesAsync(RefreshContext context, Dictionary<string, List<InboundLine>> linesByInvoice) =>
        context.Applied
            .Chunk(LinePageSize)
            .Select(invoices => new LinePage(
                invoices.Select(invoice => LineChangeOf(context, invoice, linesByInvoice)).OfType<LineChange>().ToList(),
                invoices.Length))
            .ToAsyncEnumerable();

    private static LineChange? LineChangeOf(RefreshContext context, AppliedInvoice invoice, Dictionary<string, List<InboundLine>> linesByInvoice)
    {
        if (!linesByInvoice.Remove(invoice.ExternalId, out var lines))
        {
            // An invoice missing from the line listing has no lines only if that whole listing was
            // read, and only if SuperOps still lists its client. The lines of a client in SuperOps'
            // trash can leave the line listing while its invoices stay in the invoice listing.
            if (!context.Lines.Complete || !context.SeenClients.Contains(invoice.ClientAccountId ?? ""))
            {
                return null;
            }

            lines = [];
        }

        // Lines from a listing that shifted while it was read may lack some. They replace the lines of
        // an invoice imported earlier only when the listing is complete, so the next refresh applies them.
        if (!invoice.IsNew && !context.Lines.Complete)
        {
            return null;
        }

        var (ordered, hash) = InboundMapper.OrderAndHash(lines);
        return hash == invoice.LinesHash ? null : new LineChange(invoice, ordered, hash);
    }

    private async Task ApplyLinePageAsync(RefreshContext context, List<LineChange> changes, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var now = timeProvider.GetUtcNow();
        var writer = new InvoiceChangeWriter(db, context.Run, now);

        // The write transaction starts before the read, so a payment or an AltPay edit cannot change an
        // invoice between this page reading it and writing its lines.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // New invoices that still have no lines take SuperOps' as they are. One edited in AltPay since
        // the first pass imported it goes through the inbound rules with the rest.
        var fresh = changes.Where(change => change.Invoice.IsNew).Select(change => (change.Invoice.Id, change.LinesHash)).ToList();
        var touched = (await db.SetFirstLinesHashesAsync(fresh, cancellationToken)).ToHashSet();
        var ruled = changes.Where(change => !change.Invoice.IsNew || touched.Contains(change.Invoice.Id)).ToList();
        var ruledIds = ruled.Select(change => change.Invoice.Id).ToList();
        var invoices = await LoadByIdAsync(db, ruledIds, cancellationToken);
        var currentLines = await CountLinesAsync(db, ruledIds, cancellationToken);

        var lines = changes
            .Where(change => change.Invoice.IsNew && !touched.Contains(change.Invoice.Id))
            .SelectMany(change => InvoiceInboundRules.LinesOfImported(context.PartnerId, change.Invoice.Id, change.Lines, now))
            .ToList();
        var replaced = new List<Guid>();

        foreach (var change in ruled)
        {
            if (!invoices.TryGetValue(change.Invoice.Id, out var invoice))
            {
                continue;
            }

            var isFirstImport = invoice.SuperOpsLinesHash is null;
            var result = InvoiceInboundRules.ApplyLines(
                invoice, change.Lines, change.LinesHash, now, currentLines.GetValueOrDefault(invoice.Id, (0, 0)), change.Invoice.HeaderCurrent);

            if (result.Changed)
            {
                // The lines leave the invoice before SaveChanges, so EF does not insert them a second time.
                replaced.Add(invoice.Id);
                lines.AddRange(invoice.Lines);
                invoice.Lines.Clear();
                CountAsUpdated(context, change.Invoice);
            }

            // First lines record nothing when they go in, but held back by the paid-lock they are a conflict.
            if (!isFirstImport || result.Ignored.Count > 0)
            {
                await writer.RecordAsync(invoice, result, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        if (replaced.Count > 0)
        {
            await db.InvoiceLines.Where(line => replaced.Contains(line.InvoiceId)).ExecuteDeleteAsync(cancellationToken);
        }

        await db.BulkInsertAsync(lines, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    // The first pass counted this invoice unchanged when only its lines differ. It counted a new one as created.
    private static void CountAsUpdated(RefreshContext context, AppliedInvoice invoice)
    {
        if (invoice.IsNew || invoice.CountedUpdated)
        {
            return;
        }

        context.Run.InvoicesUnchanged--;
        context.Run.InvoicesUpdated++;
    }

    private static async Task<Dictionary<Guid, Invoice>> LoadByIdAsync(AltPayDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Invoices.Where(invoice => ids.Contains(invoice.Id)).ToDictionaryAsync(invoice => invoice.Id, cancellationToken);
    }

    // Count and sum of the current lines, which describe a lines change without loading the lines.
    private static async Task<Dictionary<Guid, (int Count, long AmountMinor)>> CountLinesAsync(AltPayDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.InvoiceLines
            .Where(line => ids.Contains(line.InvoiceId))
            .GroupBy(line => line.InvoiceId)
            .Select(group => new { InvoiceId = group.Key, Count = group.Count(), Amount = group.Sum(line => line.AmountMinor) })
            .ToDictionaryAsync(row => row.InvoiceId, row => (row.Count, row.Amount), cancellationToken);
    }

    /// <summary>An invoice whose header this run applied: its ids, the lines hash it had, and how the run counted it.</summary>
    private sealed record AppliedInvoice(string ExternalId, string? ClientAccountId, Guid Id, string? LinesHash, bool IsNew, bool CountedUpdated)
    {
        /// <summary>False when the paid-lock held back a change of the SuperOps header this run read.</summary>
        public bool HeaderCurrent { get; init; } = true;
    }

    private sealed record LineChange(AppliedInvoice Invoice, List<InboundLine> Lines, string LinesHash);

    /// <summary>The line changes of one page of applied invoices, and how many invoices the page held.</summary>
    private sealed record LinePage(List<LineChange> Changes, int Invoices);
}
