using AltPay.Data;
using AltPay.Domain;
using AltPay.Sync;
using AltPay.Web.Api;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Pages;

public sealed class IndexModel(AltPayDbContext db, ConnectionService connections, TimeProvider timeProvider) : PageModel
{
    public int CustomerCount { get; private set; }

    public int OpenCount { get; private set; }

    public int OverdueCount { get; private set; }

    public IReadOnlyDictionary<string, long> OutstandingByCurrency { get; private set; } = new Dictionary<string, long>();

    public ConnectionSnapshot? Connection { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var partnerId = User.GetPartnerId();
        var today = timeProvider.Today();
        db.ForPartner(partnerId);

        CustomerCount = await db.Customers.CountAsync(customer => customer.ArchivedAt == null, cancellationToken);

        var unsettled = db.Invoices.Where(invoice =>
            invoice.ArchivedAt == null
            && (invoice.Status == InvoiceStatus.Open || invoice.Status == InvoiceStatus.PartiallyPaid));

        OpenCount = await unsettled.CountAsync(cancellationToken);
        OverdueCount = await InvoiceQueries.WhereStatusOn(db.Invoices.Where(invoice => invoice.ArchivedAt == null), InvoiceStatus.Overdue, today)
            .CountAsync(cancellationToken);

        // The domain marks an invoice paid once nothing is outstanding, so open and partly paid ones have a
        // positive balance and the plain difference needs no clamping at zero.
        OutstandingByCurrency = await unsettled
            .GroupBy(invoice => invoice.Currency)
            .Select(group => new { Currency = group.Key, Total = group.Sum(invoice => invoice.TotalMinor - invoice.SuperOpsPaidMinor - invoice.AltPayPaidMinor) })
            .ToDictionaryAsync(row => row.Currency, row => row.Total, cancellationToken);

        Connection = await connections.GetAsync(partnerId, cancellationToken);
    }
}
