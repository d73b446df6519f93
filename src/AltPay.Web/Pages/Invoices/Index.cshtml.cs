using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Api;
using AltPay.Web.Auth;
using AltPay.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Pages.Invoices;

public sealed class IndexModel(AltPayDbContext db, TimeProvider timeProvider) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CustomerId { get; set; }

    /// <summary>Lists archived invoices (deleted in SuperOps) instead of active ones.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Archived { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Invoice> Items { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> CustomerNames { get; private set; } = new Dictionary<Guid, string>();

    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Today = timeProvider.Today();
        db.ForPartner(User.GetPartnerId());

        var query = db.Invoices.AsNoTracking().Where(invoice => (invoice.ArchivedAt != null) == Archived);

        if (InvoiceStatusNames.TryParseApiName(Status, out var status))
        {
            query = InvoiceQueries.WhereStatusOn(query, status, Today);
        }
        else
        {
            Status = null;
        }

        if (CustomerId is { } customerId)
        {
            query = query.Where(invoice => invoice.CustomerId == customerId);
        }

        var total = await query.CountAsync(cancellationToken);
        Items = await query
            .OrderByDescending(invoice => invoice.InvoiceDate).ThenBy(invoice => invoice.Number).ThenBy(invoice => invoice.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);

        var customerIds = Items.Select(invoice => invoice.CustomerId).Distinct().ToList();
        CustomerNames = await db.Customers.AsNoTracking()
            .Where(customer => customerIds.Contains(customer.Id))
            .ToDictionaryAsync(customer => customer.Id, customer => customer.Name, cancellationToken);
        Pager = new Pager(PageNumber, PageSize, total, Request.Query);
    }
}
