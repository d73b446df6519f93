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

    /// <summary>Lists invoices from SuperOps ("superops") or created in AltPay ("altpay"); empty for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    /// <summary>Sort order: date (newest first, the default), due, number, total or balance.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public static IReadOnlyList<(string Value, string Label)> SortOptions { get; } =
    [
        ("date", "Invoice date, newest first"),
        ("due", "Due date, soonest first"),
        ("number", "Number"),
        ("total", "Total, largest first"),
        ("balance", "Balance, largest first"),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = Filtered();

        var total = await query.CountAsync(cancellationToken);
        Items = await Sorted(query)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);

        CustomerNames = await LoadCustomerNamesAsync(Items, cancellationToken);
        Pager = new Pager(PageNumber, PageSize, total, Request.Query);
    }

    /// <summary>Exports every invoice that matches the filters, in the chosen order, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var invoices = await Sorted(Filtered()).ToListAsync(cancellationToken);
        var names = await LoadCustomerNamesAsync(invoices, cancellationToken);

        var csv = InvoiceCsv.Write(invoices, names, Today);
        var fileName = $"invoices-{Today:yyyy-MM-dd}.csv";
        return File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);
    }

    private IQueryable<Invoice> Filtered()
    {
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

        switch (Source)
        {
            case "superops":
                query = query.Where(invoice => invoice.Source == RecordSource.SuperOps);
                break;
            case "altpay":
                query = query.Where(invoice => invoice.Source == RecordSource.AltPay);
                break;
            default:
                Source = null;
                break;
        }

        if (CustomerId is { } customerId)
        {
            query = query.Where(invoice => invoice.CustomerId == customerId);
        }

        return query;
    }

    // Balance is total less amounts paid, so it sorts in SQL from stored columns.
    private IQueryable<Invoice> Sorted(IQueryable<Invoice> query) => Sort switch
    {
        "due" => query.OrderBy(invoice => invoice.DueDate == null).ThenBy(invoice => invoice.DueDate).ThenBy(invoice => invoice.Number).ThenBy(invoice => invoice.Id),
        "number" => query.OrderBy(invoice => invoice.Number).ThenBy(invoice => invoice.Id),
        "total" => query.OrderByDescending(invoice => invoice.TotalMinor).ThenBy(invoice => invoice.Number).ThenBy(invoice => invoice.Id),
        "balance" => query.OrderByDescending(invoice => invoice.TotalMinor - invoice.SuperOpsPaidMinor - invoice.AltPayPaidMinor).ThenBy(invoice => invoice.Number).ThenBy(invoice => invoice.Id),
        _ => query.OrderByDescending(invoice => invoice.InvoiceDate).ThenBy(invoice => invoice.Number).ThenBy(invoice => invoice.Id),
    };

    private async Task<IReadOnlyDictionary<Guid, string>> LoadCustomerNamesAsync(IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken)
    {
        var customerIds = invoices.Select(invoice => invoice.CustomerId).Distinct().ToList();
        return await db.Customers.AsNoTracking()
            .Where(customer => customerIds.Contains(customer.Id))
            .ToDictionaryAsync(customer => customer.Id, customer => customer.Name, cancellationToken);
    }
}
