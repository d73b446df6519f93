using System.Text.Json;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Sync;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AltPay.Web.Audit;

namespace AltPay.Web.Pages.Review;

/// <summary>A sweep held back by the circuit breaker, with the records it would archive.</summary>
public sealed record HeldBackSweep(SyncRun Run, int Customers, int Invoices);

/// <summary>
/// What needs a person: sweeps held back by the circuit breaker (Admin confirms or dismisses) and
/// archived invoices that had AltPay payments or a pending write-back (Admin or Member marks them reviewed).
/// </summary>
public sealed class IndexModel(AltPayDbContext db, SyncRunCoordinator runs, AuditLog audit) : PageModel
{
    private const int MaxListed = 200;

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<HeldBackSweep> Sweeps { get; private set; } = [];

    public IReadOnlyList<Invoice> Invoices { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> CustomerNames { get; private set; } = new Dictionary<Guid, string>();

    public bool CanManage => User.IsInRole(PartnerRoles.Admin);

    public bool CanOperate => User.IsInRole(PartnerRoles.Admin) || User.IsInRole(PartnerRoles.Member);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        db.ForPartner(User.GetPartnerId());

        var awaiting = await db.SyncRuns.AsNoTracking()
            .Where(run => run.Kind == SyncRunKind.Sweep && run.Status == SyncRunStatus.AwaitingConfirmation)
            .OrderByDescending(run => run.StartedAt)
            .ToListAsync(cancellationToken);
        Sweeps = awaiting.Select(ToHeldBackSweep).ToList();

        Invoices = await db.Invoices.AsNoTracking()
            .Where(invoice => invoice.NeedsReview && invoice.ArchivedAt != null)
            .OrderByDescending(invoice => invoice.ArchivedAt).ThenBy(invoice => invoice.Id)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);

        var customerIds = Invoices.Select(invoice => invoice.CustomerId).Distinct().ToList();
        CustomerNames = await db.Customers.AsNoTracking()
            .Where(customer => customerIds.Contains(customer.Id))
            .ToDictionaryAsync(customer => customer.Id, customer => customer.Name, cancellationToken);
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid runId, CancellationToken cancellationToken) =>
        ResolveSweepAsync(runId, confirm: true, cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(Guid runId, CancellationToken cancellationToken) =>
        ResolveSweepAsync(runId, confirm: false, cancellationToken);

    public async Task<IActionResult> OnPostReviewedAsync(Guid invoiceId, CancellationToken cancellationToken)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        db.ForPartner(User.GetPartnerId());
        var invoice = await db.Invoices.SingleOrDefaultAsync(row => row.Id == invoiceId, cancellationToken);

        if (invoice is null)
        {
            return NotFound();
        }

        invoice.NeedsReview = false;
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"Invoice {invoice.Number} marked reviewed.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ResolveSweepAsync(Guid runId, bool confirm, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        try
        {
            var partnerId = User.GetPartnerId();
            var run = confirm
                ? await runs.ConfirmSweepAsync(partnerId, runId, cancellationToken)
                : await runs.DismissSweepAsync(partnerId, runId, cancellationToken);
            await audit.WriteAsync(partnerId, confirm ? AuditActions.SweepConfirmed : AuditActions.SweepDismissed, $"run {runId}",
                confirm ? $"{run.CustomersArchived} customers and {run.InvoicesArchived} invoices archived" : null, cancellationToken);
            Notice = confirm
                ? $"Sweep confirmed: {run.CustomersArchived} customers and {run.InvoicesArchived} invoices archived."
                : "Sweep dismissed: nothing was archived.";
        }
        catch (SyncRunNotFoundException)
        {
            return NotFound();
        }
        catch (SyncRunStateException exception)
        {
            Notice = exception.Message;
        }

        return RedirectToPage();
    }

    private static HeldBackSweep ToHeldBackSweep(SyncRun run)
    {
        // The sweep stores {"customers": [ids], "invoices": [ids]}; see SyncRun.HeldBack.
        using var document = JsonDocument.Parse(run.HeldBack ?? "{}");
        return new HeldBackSweep(run, CountIds(document.RootElement, "customers"), CountIds(document.RootElement, "invoices"));
    }

    private static int CountIds(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var ids) && ids.ValueKind == JsonValueKind.Array
            ? ids.GetArrayLength()
            : 0;
}
