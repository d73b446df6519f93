using AltPay.Data;
using AltPay.Domain;
using AltPay.Sync;
using AltPay.Web.Api;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Pages;

/// <summary>A count of records and their amount per currency, in minor units.</summary>
public sealed record OverviewTotal(int Count, IReadOnlyDictionary<string, long> AmountByCurrency);

/// <summary>
/// The Overview: open, overdue and paid-this-month totals, SuperOps connection health and recent runs.
/// Archived invoices are left out of the open and overdue totals.
/// </summary>
public sealed class IndexModel(AltPayDbContext db, ConnectionService connections, TimeProvider timeProvider) : PageModel
{
    public const int RecentRunCount = 10;

    public int CustomerCount { get; private set; }

    /// <summary>Open, partially paid and overdue invoices, with their outstanding balances.</summary>
    public OverviewTotal Open { get; private set; } = Empty;

    /// <summary>Invoices overdue today (UTC), with their outstanding balances.</summary>
    public OverviewTotal Overdue { get; private set; } = Empty;

    /// <summary>Successful AltPay payments dated in the current calendar month (UTC); refunded ones are left out.</summary>
    public OverviewTotal PaidThisMonth { get; private set; } = Empty;

    public string MonthName { get; private set; } = "";

    public ConnectionSnapshot? Connection { get; private set; }

    public IReadOnlyList<SyncRun> RecentRuns { get; private set; } = [];

    /// <summary>The currency shown for a zero total: the connection's, or the default.</summary>
    public string DefaultCurrency => Connection?.Connection.Currency ?? Money.DefaultCurrency;

    private static readonly OverviewTotal Empty = new(0, new Dictionary<string, long>());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var partnerId = User.GetPartnerId();
        var now = timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.ForPartner(partnerId);

        CustomerCount = await db.Customers.CountAsync(customer => customer.ArchivedAt == null, cancellationToken);

        var current = db.Invoices.Where(invoice => invoice.ArchivedAt == null);
        var unsettled = current.Where(invoice => invoice.Status == InvoiceStatus.Open || invoice.Status == InvoiceStatus.PartiallyPaid);
        Open = await SumOutstandingAsync(unsettled, cancellationToken);
        Overdue = await SumOutstandingAsync(InvoiceQueries.WhereStatusOn(current, InvoiceStatus.Overdue, today), cancellationToken);

        var monthStart = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var nextMonthStart = monthStart.AddMonths(1);
        MonthName = monthStart.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        PaidThisMonth = await SumPaymentsAsync(monthStart, nextMonthStart, cancellationToken);

        Connection = await connections.GetAsync(partnerId, cancellationToken);
        RecentRuns = await db.SyncRuns.AsNoTracking()
            .OrderByDescending(run => run.StartedAt)
            .Take(RecentRunCount)
            .ToListAsync(cancellationToken);
    }

    // The domain marks an invoice paid once nothing is outstanding, so open and partly paid ones have a
    // positive balance and the plain difference needs no clamping at zero.
    private static async Task<OverviewTotal> SumOutstandingAsync(IQueryable<Invoice> invoices, CancellationToken cancellationToken)
    {
        var rows = await invoices
            .GroupBy(invoice => invoice.Currency)
            .Select(group => new
            {
                Currency = group.Key,
                Count = group.Count(),
                Total = group.Sum(invoice => invoice.TotalMinor - invoice.SuperOpsPaidMinor - invoice.AltPayPaidMinor),
            })
            .ToListAsync(cancellationToken);

        return new OverviewTotal(rows.Sum(row => row.Count), rows.ToDictionary(row => row.Currency, row => row.Total, StringComparer.Ordinal));
    }

    private async Task<OverviewTotal> SumPaymentsAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var rows = await db.Payments
            .Where(payment => payment.Status == PaymentStatus.Succeeded && payment.PaidAt >= from && payment.PaidAt < until)
            .GroupBy(payment => payment.Currency)
            .Select(group => new { Currency = group.Key, Count = group.Count(), Total = group.Sum(payment => payment.AmountMinor) })
            .ToListAsync(cancellationToken);

        return new OverviewTotal(rows.Sum(row => row.Count), rows.ToDictionary(row => row.Currency, row => row.Total, StringComparer.Ordinal));
    }
}
