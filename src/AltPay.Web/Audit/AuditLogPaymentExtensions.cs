using System.Globalization;
using AltPay.Domain;

namespace AltPay.Web.Audit;

/// <summary>The audit entries of payments and refunds, written the same way from the API and the dashboard.</summary>
public static class AuditLogPaymentExtensions
{
    public static Task WritePaymentRecordedAsync(this AuditLog audit, Guid partnerId, Payment payment, CancellationToken cancellationToken) =>
        audit.WriteAsync(partnerId, AuditActions.PaymentRecorded, $"invoice {payment.InvoiceId}", Describe(payment), cancellationToken);

    public static Task WritePaymentRefundedAsync(this AuditLog audit, Guid partnerId, Payment payment, CancellationToken cancellationToken) =>
        audit.WriteAsync(partnerId, AuditActions.PaymentRefunded, $"invoice {payment.InvoiceId}", Describe(payment), cancellationToken);

    private static string Describe(Payment payment)
    {
        var amount = Money.FromMinorUnits(payment.AmountMinor, payment.Currency).ToString("0.00##", CultureInfo.InvariantCulture);
        return $"payment {payment.Id}, {amount} {payment.Currency} by {payment.Method.ToString().ToLowerInvariant()}";
    }
}
