using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Api;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Pages.Invoices;

/// <summary>One invoice. Another partner's invoice is a 404, exactly like a missing one.</summary>
public sealed class DetailsModel(AltPayDbContext db, TimeProvider timeProvider) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;

    public string? CustomerName { get; private set; }

    public IReadOnlyList<TimelineEvent> Timeline { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var invoiceId))
        {
            return NotFound();
        }

        db.ForPartner(User.GetPartnerId());
        var invoice = await db.Invoices.AsNoTracking().Include(row => row.Lines)
            .SingleOrDefaultAsync(row => row.Id == invoiceId, cancellationToken);

        if (invoice is null)
        {
            return NotFound();
        }

        Invoice = invoice;
        Today = timeProvider.Today();
        CustomerName = await db.Customers.AsNoTracking()
            .Where(customer => customer.Id == invoice.CustomerId)
            .Select(customer => customer.Name)
            .SingleOrDefaultAsync(cancellationToken);
        Timeline = await db.TimelineEvents.AsNoTracking()
            .Where(timelineEvent => timelineEvent.InvoiceId == invoiceId)
            .OrderBy(timelineEvent => timelineEvent.At).ThenBy(timelineEvent => timelineEvent.Id)
            .ToListAsync(cancellationToken);

        return Page();
    }
}
