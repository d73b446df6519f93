using System.Globalization;
using AltPay.Data;
using AltPay.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AltPay.Sync;

/// <summary>What the partner submits to record a payment. Method is card, ach, check, cash or other.</summary>
public sealed record RecordPaymentRequest(decimal? Amount, string? Method, string? Reference, DateTimeOffset? PaidAt);

/// <summary>A recorded payment, and whether this request created it or an earlier one with the same idempotency key did.</summary>
public sealed record PaymentOutcome(Payment Payment, bool Created);

/// <summary>
/// Records AltPay payments and refunds. A payment that settles a SuperOps invoice commits an outbox row
/// in the same transaction, and the write-back dispatcher delivers it to SuperOps. Partial payments stay
/// in AltPay until the invoice is settled, because SuperOps' documented API cannot carry an amount.
/// </summary>
public sealed class PaymentService(
    IDbContextFactory<AltPayDbContext> dbFactory,
    InvoiceLocks invoiceLocks,
    WriteBackSignal writeBackSignal,
    TimeProvider timeProvider,
    ILogger<PaymentService> logger)
{
    public async Task<PaymentOutcome> RecordAsync(
        Guid partnerId,
        Guid invoiceId,
        RecordPaymentRequest request,
        string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var method = ParseMethod(request.Method);
        ValidateIdempotencyKey(idempotencyKey);
        ValidateReference(request.Reference);

        // Payments of one invoice are taken one at a time, so two cannot both fit the same outstanding balance.
        using var invoiceLock = await invoiceLocks.AcquireAsync(invoiceId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(partnerId);

        // The write transaction starts before the read, so a refresh cannot change the invoice between
        // the balance check and the payment. Unlike the lock above, it holds across processes.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var earlier = await FindByIdempotencyKeyAsync(db, idempotencyKey, cancellationToken);
        if (earlier is not null)
        {
            return SameRequestOrReject(earlier, invoiceId, request.Amount, method);
        }

        var invoice = await db.Invoices.SingleOrDefaultAsync(row => row.Id == invoiceId, cancellationToken)
            ?? throw new RecordNotFoundException($"Invoice {invoiceId} was not found.");
        var reason = invoice.WhyNotEditable();
        if (reason is not null)
        {
            throw new InvoiceStateException($"{reason} A payment can only be recorded on an open, partially paid or overdue invoice.");
        }

        var amountMinor = ValidateAmount(request.Amount, invoice);
        var now = timeProvider.GetUtcNow();
        var payment = new Payment
        {
            Id = Guid.NewGuid(),
            PartnerId = partnerId,
            InvoiceId = invoice.Id,
            AmountMinor = amountMinor,
            Currency = invoice.Currency,
            Method = method,
            Reference = string.IsNullOrWhiteSpace(request.Reference) ? null : request.Reference.Trim(),
            PaidAt = request.PaidAt?.ToUniversalTime() ?? now,
            Status = PaymentStatus.Succeeded,
            IdempotencyKey = idempotencyKey,
            CreatedAt = now,
        };
        db.Payments.Add(payment);

        var settled = invoice.ApplyPayment(amountMinor, now);
        AddEvent(db, invoice, TimelineKinds.PaymentRecorded, $"Payment of {FormatAmount(amountMinor, invoice.Currency)} recorded ({method.ToString().ToLowerInvariant()}).", now);

        if (invoice.Source == RecordSource.SuperOps)
        {
            await QueueWriteBackAsync(db, invoice, payment, settled, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        PaymentLog.Recorded(logger, payment.Id, invoice.Id, partnerId, amountMinor, settled);

        if (settled)
        {
            writeBackSignal.Wake();
        }

        return new PaymentOutcome(payment, Created: true);
    }

    /// <summary>Refunds a payment: the balance is restored, the paid-lock lifts and SuperOps is reopened if it was marked paid.</summary>
    public async Task<Payment> RefundAsync(Guid partnerId, Guid paymentId, CancellationToken cancellationToken)
    {
        await using var lookup = await dbFactory.CreateDbContextAsync(cancellationToken);
        lookup.ForPartner(partnerId);
        var invoiceId = await lookup.Payments.Where(row => row.Id == paymentId).Select(row => (Guid?)row.InvoiceId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException($"Payment {paymentId} was not found.");

        using var invoiceLock = await invoiceLocks.AcquireAsync(invoiceId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(partnerId);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await db.Payments.SingleAsync(row => row.Id == paymentId, cancellationToken);
        if (payment.Status == PaymentStatus.Refunded)
        {
            throw new InvoiceStateException($"Payment {paymentId} was already refunded on {payment.RefundedAt:yyyy-MM-dd}.");
        }

        var invoice = await db.Invoices.SingleAsync(row => row.Id == invoiceId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var wasLocked = invoice.PaidLocked;

        payment.Status = PaymentStatus.Refunded;
        payment.RefundedAt = now;
        invoice.ApplyRefund(payment.AmountMinor, now);
        AddEvent(db, invoice, TimelineKinds.PaymentRefunded, $"Payment of {FormatAmount(payment.AmountMinor, invoice.Currency)} refunded; outstanding balance {FormatAmount(invoice.OutstandingMinor, invoice.Currency)}.", now);

        var reopenQueued = wasLocked && invoice.Source == RecordSource.SuperOps
            && await QueueReopenAsync(db, invoice, now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        PaymentLog.Refunded(logger, payment.Id, invoice.Id, partnerId, payment.AmountMinor);

        if (reopenQueued)
        {
            writeBackSignal.Wake();
        }

        return payment;
    }

    /// <summary>Sends a failed write-back again; its invoice is read back from SuperOps first.</summary>
    public async Task RetryWriteBackAsync(Guid partnerId, Guid invoiceId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(partnerId);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invoice = await db.Invoices.SingleOrDefaultAsync(row => row.Id == invoiceId, cancellationToken)
            ?? throw new RecordNotFoundException($"Invoice {invoiceId} was not found.");
        var failed = await db.Outbox
            .Where(message => message.InvoiceId == invoiceId && message.Status == OutboxStatus.Failed)
            .ToListAsync(cancellationToken);
        if (failed.Count == 0)
        {
            throw new InvoiceStateException($"Invoice {invoice.Number} has no failed write-back to retry (write-back status: {invoice.WriteBackStatus.ToString().ToLowerInvariant()}).");
        }

        var now = timeProvider.GetUtcNow();
        foreach (var message in failed)
        {
            message.Status = OutboxStatus.Pending;
            message.OutcomeUnknown = true;
            message.Attempts = 0;
            message.NextAttemptAt = now;
        }

        invoice.WriteBackStatus = WriteBackStatus.Pending;
        invoice.WriteBackError = null;
        AddEvent(db, invoice, TimelineKinds.WriteBackPending, "Write-back to SuperOps retried by the partner.", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        writeBackSignal.Wake();
    }

    private async Task QueueWriteBackAsync(AltPayDbContext db, Invoice invoice, Payment payment, bool settled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!settled)
        {
            AddEvent(db, invoice, TimelineKinds.WaitingForFullPayment,
                $"Partial payment kept in AltPay; SuperOps is marked paid once the remaining {FormatAmount(invoice.OutstandingMinor, invoice.Currency)} is paid.", now);
            return;
        }

        var paymentIds = await db.Payments
            .Where(row => row.InvoiceId == invoice.Id && row.Status == PaymentStatus.Succeeded)
            .OrderBy(row => row.CreatedAt)
            .Select(row => row.Id)
            .ToListAsync(cancellationToken);
        paymentIds.Add(payment.Id);

        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            PartnerId = invoice.PartnerId,
            InvoiceId = invoice.Id,
            Kind = OutboxKind.MarkPaid,
            Status = OutboxStatus.Pending,
            PaymentDate = DateOnly.FromDateTime(payment.PaidAt.UtcDateTime),
            PaymentMethod = payment.Method,
            Reference = WriteBackReference.For(paymentIds),
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.Outbox.Add(message);

        invoice.WriteBackStatus = WriteBackStatus.Pending;
        invoice.WriteBackError = null;
        AddEvent(db, invoice, TimelineKinds.WriteBackPending, "Paid in full in AltPay; marking it paid in SuperOps.", now);
    }

    // A mark-paid never sent is simply dropped; one that may have reached SuperOps is undone by a reopen.
    private static async Task<bool> QueueReopenAsync(AltPayDbContext db, Invoice invoice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var markPaid = await db.Outbox
            .Where(message => message.InvoiceId == invoice.Id && message.Kind == OutboxKind.MarkPaid
                && message.Status != OutboxStatus.Cancelled)
            .OrderByDescending(message => message.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

        if (markPaid is null)
        {
            return false;
        }

        var neverSent = markPaid.Status is OutboxStatus.Pending or OutboxStatus.Failed && markPaid.Attempts == 0 && !markPaid.OutcomeUnknown;
        if (neverSent)
        {
            markPaid.Status = OutboxStatus.Cancelled;
            invoice.WriteBackStatus = WriteBackStatus.None;
            AddEvent(db, invoice, TimelineKinds.WriteBackPending, "Write-back to SuperOps cancelled: the invoice is no longer paid in full.", now);
            return false;
        }

        db.Outbox.Add(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            PartnerId = invoice.PartnerId,
            InvoiceId = invoice.Id,
            Kind = OutboxKind.Reopen,
            Status = OutboxStatus.Pending,
            Reference = markPaid.Reference,
            NextAttemptAt = now,
            CreatedAt = now,
        });
        invoice.WriteBackStatus = WriteBackStatus.Pending;
        invoice.WriteBackError = null;
        AddEvent(db, invoice, TimelineKinds.WriteBackPending, "Refunded in AltPay; reopening the invoice in SuperOps.", now);
        return true;
    }

    private static async Task<Payment?> FindByIdempotencyKeyAsync(AltPayDbContext db, string? idempotencyKey, CancellationToken cancellationToken) =>
        idempotencyKey is null
            ? null
            : await db.Payments.SingleOrDefaultAsync(row => row.IdempotencyKey == idempotencyKey, cancellationToken);

    // A replay must be the same request; a different invoice, amount or method under one key is a client bug.
    private static PaymentOutcome SameRequestOrReject(Payment earlier, Guid invoiceId, decimal? amount, PaymentMethod method)
    {
        if (earlier.InvoiceId != invoiceId)
        {
            throw new PaymentRejectedException("Idempotency-Key",
                $"The Idempotency-Key was already used for payment {earlier.Id} on another invoice. Use a new key for each payment.");
        }

        var sameAmount = amount is { } value && value == Money.FromMinorUnits(earlier.AmountMinor, earlier.Currency);
        if (!sameAmount || earlier.Method != method)
        {
            throw new PaymentRejectedException("Idempotency-Key",
                $"The Idempotency-Key was already used for payment {earlier.Id} of {FormatAmount(earlier.AmountMinor, earlier.Currency)} by {earlier.Method.ToString().ToLowerInvariant()}. "
                + "Send that same request to get it again, or a new key for a different payment.");
        }

        return new PaymentOutcome(earlier, Created: false);
    }

    private static PaymentMethod ParseMethod(string? method)
    {
        var names = string.Join(", ", Enum.GetNames<PaymentMethod>().Select(name => name.ToLowerInvariant()));
        if (string.IsNullOrWhiteSpace(method))
        {
            throw new PaymentInputException("method", $"The payment method is missing. Use one of: {names}.");
        }

        if (!Enum.TryParse<PaymentMethod>(method.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || method.Trim().Any(char.IsDigit))
        {
            throw new PaymentInputException("method", $"The payment method '{Shorten(method)}' is not valid. Use one of: {names}.");
        }

        return parsed;
    }

    private static void ValidateIdempotencyKey(string? idempotencyKey)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 200 || idempotencyKey.Any(char.IsControl)))
        {
            throw new PaymentInputException("Idempotency-Key", "The Idempotency-Key header must be 1 to 200 printable characters, unique per payment.");
        }
    }

    private static void ValidateReference(string? reference)
    {
        if (reference is { Length: > 200 })
        {
            throw new PaymentInputException("reference", $"The reference is {reference.Length} characters long; use at most 200.");
        }
    }

    private static long ValidateAmount(decimal? amount, Invoice invoice)
    {
        if (amount is null)
        {
            throw new PaymentInputException("amount", "The amount is missing. Send the amount paid as a number, such as 125.50.");
        }

        if (amount <= 0)
        {
            throw new PaymentRejectedException("amount", $"The amount {amount.Value.ToString(CultureInfo.InvariantCulture)} is not above zero. Send the amount paid.");
        }

        long amountMinor;
        try
        {
            amountMinor = Money.ToMinorUnits(amount.Value, invoice.Currency);
        }
        catch (ArgumentException)
        {
            throw new PaymentRejectedException("amount",
                $"The amount {amount.Value.ToString(CultureInfo.InvariantCulture)} has more decimals than {invoice.Currency} allows ({Money.MinorDigits(invoice.Currency)}).");
        }

        if (amountMinor > invoice.OutstandingMinor)
        {
            throw new PaymentRejectedException("amount",
                $"The amount {amount.Value.ToString(CultureInfo.InvariantCulture)} is above the outstanding balance of {FormatAmount(invoice.OutstandingMinor, invoice.Currency)}. Send at most the outstanding balance.");
        }

        return amountMinor;
    }

    private static void AddEvent(AltPayDbContext db, Invoice invoice, string kind, string message, DateTimeOffset now) =>
        db.TimelineEvents.Add(TimelineEvent.For(invoice, kind, message, now));

    internal static string FormatAmount(long minor, string currency) =>
        $"{Money.FromMinorUnits(minor, currency).ToString("0.00##", CultureInfo.InvariantCulture)} {currency}";

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
