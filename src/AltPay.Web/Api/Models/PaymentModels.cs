using AltPay.Domain;

namespace AltPay.Web.Api.Models;

public sealed record PaymentResponse(
    Guid Id,
    Guid InvoiceId,
    decimal Amount,
    string Method,
    string? Reference,
    DateTimeOffset PaidAt,
    string Status);

public sealed record RecordPaymentBody(decimal? Amount, string? Method, string? Reference, DateTimeOffset? PaidAt);

public static class PaymentMapping
{
    public static PaymentResponse ToResponse(this Payment payment) => new(
        payment.Id,
        payment.InvoiceId,
        Money.FromMinorUnits(payment.AmountMinor, payment.Currency),
        payment.Method.ToApiName(),
        payment.Reference,
        payment.PaidAt,
        payment.Status.ToApiName());
}
