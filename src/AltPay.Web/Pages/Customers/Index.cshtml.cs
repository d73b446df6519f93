using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Auth;
using AltPay.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Pages.Customers;

public sealed class IndexModel(AltPayDbContext db) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Lists customers from SuperOps ("superops") or created in AltPay ("altpay"); empty for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    /// <summary>Lists archived customers (deleted in SuperOps) instead of active ones.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Archived { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Customer> Items { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        db.ForPartner(User.GetPartnerId());

        var query = db.Customers.AsNoTracking().Where(customer => (customer.ArchivedAt != null) == Archived);

        switch (Source)
        {
            case "superops":
                query = query.Where(customer => customer.Source == RecordSource.SuperOps);
                break;
            case "altpay":
                query = query.Where(customer => customer.Source == RecordSource.AltPay);
                break;
            default:
                Source = null;
                break;
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = "%" + Q.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            query = query.Where(customer => EF.Functions.Like(customer.Name, pattern));
        }

        var total = await query.CountAsync(cancellationToken);
        Items = await query.OrderBy(customer => customer.Name).ThenBy(customer => customer.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        Pager = new Pager(PageNumber, PageSize, total, Request.Query);
    }
}
