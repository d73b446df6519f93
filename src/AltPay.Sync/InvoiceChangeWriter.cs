using AltPay.Data;
using AltPay.Domain;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Sync;

/// <summary>Writes what a run did to invoices: timeline events, paid-lock conflicts and run counts.</summary>
internal sealed class InvoiceChangeWriter(AltPayDbContext db, SyncRun run, DateTimeOffset now)
{
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        [InvoiceInboundRules.FieldNumber] = "number",
        [InvoiceInboundRules.FieldCustomer] = "customer",
        [InvoiceInboundRules.FieldInvoiceDate] = "invoice date",
        [InvoiceInboundRules.FieldDueDate] = "due date",
        [InvoiceInboundRules.FieldAmount] = "amount",
        [InvoiceInboundRules.FieldStatus] = "status",
        [InvoiceInboundRules.FieldAmountPaid] = "amount paid in SuperOps",
        [InvoiceInboundRules.FieldLines] = "lines",
    };

    public DateTimeOffset Now { get; } = now;

    /// <summary>Returns the timeline event of a new invoice, for the caller to insert with the invoice.</summary>
    public TimelineEvent Imported(Invoice invoice)
    {
        var total = Money.FromMinorUnits(invoice.TotalMinor, invoice.Currency);
        run.InvoicesCreated++;
        return NewEvent(invoice, TimelineKinds.Imported, $"Imported from SuperOps: invoice {invoice.Number}, total {total:0.00} {invoice.Currency}.");
    }

    /// <summary>Restores an archived invoice that SuperOps lists again. Returns whether it was archived.</summary>
    public bool RestoreIfArchived(Invoice invoice)
    {
        if (!invoice.IsArchived)
        {
            return false;
        }

        invoice.Restore(Now);
        AddEvent(invoice, TimelineKinds.Restored, "Restored: SuperOps lists this invoice again.");
        run.InvoicesRestored++;
        return true;
    }

    /// <summary>Adds a timeline event for the applied changes and a conflict for each change the paid-lock ignored.</summary>
    public async Task RecordAsync(Invoice invoice, InboundResult result, CancellationToken cancellationToken)
    {
        if (result.Applied.Count > 0)
        {
            var changes = string.Join("; ", result.Applied.Select(Describe));
            AddEvent(invoice, TimelineKinds.Changed, $"Changed in SuperOps: {changes}.");
        }

        if (result.Ignored.Count > 0)
        {
            await RecordConflictsAsync(invoice, result.Ignored, cancellationToken);
        }
    }

    private async Task RecordConflictsAsync(Invoice invoice, List<FieldChange> ignored, CancellationToken cancellationToken)
    {
        var open = await db.Conflicts
            .Where(conflict => conflict.InvoiceId == invoice.Id && !conflict.Resolved)
            .Select(conflict => new { conflict.Field, conflict.SuperOpsValue })
            .ToListAsync(cancellationToken);

        foreach (var change in ignored)
        {
            // The same SuperOps value is reported once, not again on every hourly refresh.
            if (open.Any(conflict => conflict.Field == change.Field && conflict.SuperOpsValue == change.SuperOpsValue))
            {
                continue;
            }

            db.Conflicts.Add(new Conflict
            {
                Id = Guid.NewGuid(),
                PartnerId = invoice.PartnerId,
                InvoiceId = invoice.Id,
                DetectedAt = Now,
                Field = change.Field,
                AltPayValue = change.AltPayValue,
                SuperOpsValue = change.SuperOpsValue,
                RunId = run.Id,
            });
            AddEvent(invoice, TimelineKinds.ConflictIgnored, $"Not applied because the invoice is paid in AltPay: SuperOps changed the {Describe(change)}.");
            run.Conflicts++;
        }
    }

    private static string Describe(FieldChange change)
    {
        var label = FieldLabels.GetValueOrDefault(change.Field, change.Field);
        return $"{label} from {change.AltPayValue ?? "none"} to {change.SuperOpsValue ?? "none"}";
    }

    private void AddEvent(Invoice invoice, string kind, string message) => db.TimelineEvents.Add(NewEvent(invoice, kind, message));

    private TimelineEvent NewEvent(Invoice invoice, string kind, string message) => TimelineEvent.For(invoice, kind, message, Now, run.Id);
}
