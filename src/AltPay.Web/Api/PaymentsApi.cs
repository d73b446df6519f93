using System.Security.Claims;
using AltPay.Data;
using AltPay.Sync;
using AltPay.Web.Api.Models;
using AltPay.Web.Audit;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Api;

public static class PaymentsApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/invoices/{id}/payments", ListPayments);
        api.MapPost("/invoices/{id}/payments", RecordPayment).RequireAuthorization(AuthorizationPolicies.Operate);
        api.MapPost("/invoices/{id}/write-back/retry", RetryWriteBack).RequireAuthorization(AuthorizationPolicies.Operate);
        api.MapPost("/payments/{id}/refund", RefundPayment).RequireAuthorization(AuthorizationPolicies.Operate);

        return api;
    }

    private static async Task<Ok<List<PaymentResponse>>> ListPayments(
        string id, AltPayDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var invoiceId = ApiInput.ParseId(id);

        db.ForPartner(user.GetPartnerId());

        if (!await db.Invoices.AnyAsync(invoice => invoice.Id == invoiceId, cancellationToken))
        {
            throw ApiProblemException.NotFound("invoice", invoiceId);
        }

        var payments = await db.Payments.AsNoTracking()
            .Where(payment => payment.InvoiceId == invoiceId)
            .OrderBy(payment => payment.CreatedAt).ThenBy(payment => payment.Id)
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(payments.Select(payment => payment.ToResponse()).ToList());
    }

    /// <summary>
    /// Records a payment. A repeated <c>Idempotency-Key</c> returns the payment the first request made,
    /// also with 201, so a client retrying after a lost response gets the same response.
    /// </summary>
    private static async Task<Created<PaymentResponse>> RecordPayment(
        string id,
        RecordPaymentBody? request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        ClaimsPrincipal user,
        PaymentService payments,
        AuditLog audit,
        CancellationToken cancellationToken)
    {
        var invoiceId = ApiInput.ParseId(id);
        var partnerId = user.GetPartnerId();
        var paymentRequest = new RecordPaymentRequest(request?.Amount, request?.Method, request?.Reference, request?.PaidAt);

        var outcome = await payments.RecordAsync(partnerId, invoiceId, paymentRequest, idempotencyKey, cancellationToken);
        if (outcome.Created)
        {
            await audit.WritePaymentRecordedAsync(partnerId, outcome.Payment, cancellationToken);
        }

        return TypedResults.Created($"/api/v1/invoices/{invoiceId}/payments", outcome.Payment.ToResponse());
    }

    private static async Task<Ok<PaymentResponse>> RefundPayment(
        string id, ClaimsPrincipal user, PaymentService payments, AuditLog audit, CancellationToken cancellationToken)
    {
        var paymentId = ApiInput.ParseId(id);
        var partnerId = user.GetPartnerId();

        var payment = await payments.RefundAsync(partnerId, paymentId, cancellationToken);
        await audit.WritePaymentRefundedAsync(partnerId, payment, cancellationToken);

        return TypedResults.Ok(payment.ToResponse());
    }

    private static async Task<Accepted<InvoiceResponse>> RetryWriteBack(
        string id,
        AltPayDbContext db,
        ClaimsPrincipal user,
        PaymentService payments,
        AuditLog audit,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var invoiceId = ApiInput.ParseId(id);
        var partnerId = user.GetPartnerId();

        await payments.RetryWriteBackAsync(partnerId, invoiceId, cancellationToken);
        await audit.WriteAsync(partnerId, AuditActions.WriteBackRetried, $"invoice {invoiceId}", null, cancellationToken);

        db.ForPartner(partnerId);
        var invoice = await db.Invoices.AsNoTracking().Include(row => row.Lines)
            .SingleOrDefaultAsync(row => row.Id == invoiceId, cancellationToken)
            ?? throw ApiProblemException.NotFound("invoice", invoiceId);

        return TypedResults.Accepted($"/api/v1/invoices/{invoiceId}", invoice.ToResponse(timeProvider.Today()));
    }
}
