using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Pages.Conflicts;

/// <summary>SuperOps changes the paid-lock kept out, newest first; open ones by default. Admin and Member may mark them resolved.</summary>
public sealed class IndexModel(AltPayDbContext db, TimeProvider timeProvider) : PageModel
{
    private const int MaxListed = 200;

    /// <summary>Shows resolved conflicts instead of open ones.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Resolved { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<Conflict> Items { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> InvoiceNumbers { get; private set; } = new Dictionary<Guid, string>();

    public bool CanOperate => User.IsInRole(PartnerRoles.Admin) || User.IsInRole(PartnerRoles.Member);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        db.ForPartner(User.GetPartnerId());
        Items = await db.Conflicts.AsNoTracking()
            .Where(conflict => conflict.Resolved == Resolved)
            .OrderByDescending(conflict => conflict.DetectedAt).ThenBy(conflict => conflict.Id)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);

        var invoiceIds = Items.Select(conflict => conflict.InvoiceId).Distinct().ToList();
        InvoiceNumbers = await db.Invoices.AsNoTracking()
            .Where(invoice => invoiceIds.Contains(invoice.Id))
            .ToDictionaryAsync(invoice => invoice.Id, invoice => invoice.Number, cancellationToken);
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid conflictId, CancellationToken cancellationToken)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        db.ForPartner(User.GetPartnerId());
        var conflict = await db.Conflicts.SingleOrDefaultAsync(row => row.Id == conflictId, cancellationToken);

        if (conflict is null)
        {
            return NotFound();
        }

        if (!conflict.Resolved)
        {
            conflict.Resolved = true;
            conflict.ResolvedAt = timeProvider.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        Notice = "Conflict marked resolved.";
        return RedirectToPage();
    }
}
