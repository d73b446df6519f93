using AltPay.Domain;

namespace AltPay.Web.Api;

public static class InvoiceQueries
{
    /// <summary>
    /// Filters by the status as of <paramref name="today"/>. Overdue is not stored: an open or partly
    /// paid invoice whose due date has passed reads as overdue, so open and partly paid exclude those.
    /// </summary>
    public static IQueryable<Invoice> WhereStatusOn(IQueryable<Invoice> query, InvoiceStatus status, DateOnly today) => status switch
    {
        InvoiceStatus.Overdue => query.Where(invoice =>
            (invoice.Status == InvoiceStatus.Open || invoice.Status == InvoiceStatus.PartiallyPaid)
            && invoice.DueDate != null && invoice.DueDate < today),
        InvoiceStatus.Open or InvoiceStatus.PartiallyPaid => query.Where(invoice =>
            invoice.Status == status && (invoice.DueDate == null || invoice.DueDate >= today)),
        _ => query.Where(invoice => invoice.Status == status),
    };
}
