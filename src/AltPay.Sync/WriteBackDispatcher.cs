using System.Collections.Concurrent;
using AltPay.Data;
using AltPay.Domain;
using AltPay.SuperOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltPay.Sync;

/// <summary>
/// Delivers outbox rows to SuperOps with <c>updateInvoice</c>. Delivery is at least once and the effect
/// exactly once, because a row is marked in flight before it is sent. A row whose last attempt may have
/// reached SuperOps is read back first, and an invoice that already shows the update counts as
/// delivered. Rows of one invoice go out in the order they were written.
/// </summary>
public sealed class WriteBackDispatcher(
    IDbContextFactory<AltPayDbContext> dbFactory,
    SuperOpsClientFactory clientFactory,
    SuperOpsTokenProtector tokenProtector,
    WriteBackSignal signal,
    IOptions<WriteBackOptions> options,
    TimeProvider timeProvider,
    ILogger<WriteBackDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan PaymentMethodCacheTime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<Guid, (DateTimeOffset At, IReadOnlyList<SuperOpsPaymentMethod> Methods)> _paymentMethods = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        PaymentLog.DispatcherStarted(logger, options.Value.PollInterval);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                PaymentLog.PassFailed(logger, exception);
            }

            await signal.WaitAsync(options.Value.PollInterval, timeProvider, stoppingToken);
        }

        PaymentLog.DispatcherStopped(logger);
    }

    /// <summary>Sends every row that is due now. Returns how many rows it attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var attempted = 0;

        while (true)
        {
            var due = await LoadDueAsync(cancellationToken);
            if (due.Count == 0)
            {
                return attempted;
            }

            foreach (var (messageId, partnerId) in due)
            {
                await DeliverAsync(messageId, partnerId, cancellationToken);
                attempted++;
            }
        }
    }

    private async Task<List<(Guid Id, Guid PartnerId)>> LoadDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();

        // Only the oldest pending row of each invoice may go, so a reopen never overtakes its mark-paid.
        var pending = await db.Outbox.IgnoreQueryFilters().AsNoTracking()
            .Where(message => message.Status == OutboxStatus.Pending)
            .OrderBy(message => message.CreatedAt)
            .Select(message => new { message.Id, message.PartnerId, message.InvoiceId, message.NextAttemptAt })
            .ToListAsync(cancellationToken);

        return pending
            .GroupBy(message => message.InvoiceId)
            .Select(group => group.First())
            .Where(message => message.NextAttemptAt <= now)
            .Take(BatchSize)
            .Select(message => (message.Id, message.PartnerId))
            .ToList();
    }

    private async Task DeliverAsync(Guid messageId, Guid partnerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ForPartner(partnerId);

        var message = await db.Outbox.SingleAsync(row => row.Id == messageId, cancellationToken);
        var invoice = await db.Invoices.SingleAsync(row => row.Id == message.InvoiceId, cancellationToken);
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var attempt = new Attempt(db, message, invoice, timeProvider.GetUtcNow());

        if (connection is null || connection.Status == ConnectionStatus.Disconnected || connection.ProtectedToken is null)
        {
            await FailAsync(attempt, null, "SuperOps is not connected. Connect it under Integrations > SuperOps, then retry the write-back.", cancellationToken);
            return;
        }

        message.Attempts++;
        message.LastAttemptAt = attempt.Now;
        invoice.WriteBackLastAttemptAt = attempt.Now;

        try
        {
            var client = clientFactory.Create(tokenProtector.CredentialsFor(connection), SuperOpsPriority.WriteBack);
            await SendOnceAsync(attempt, connection, client, cancellationToken);
        }
        catch (TokenUnreadableException exception)
        {
            await FailAsync(attempt, exception, TokenUnreadableException.Text + " Then retry the write-back.", cancellationToken);
        }
        catch (SuperOpsAuthenticationException exception)
        {
            await FailAsync(attempt, exception, ConnectionService.RejectedTokenMessage + " Then retry the write-back.", cancellationToken);
        }
        catch (Exception exception) when (exception is SuperOpsValidationException or SuperOpsNotFoundException or SuperOpsSubdomainException)
        {
            await FailAsync(attempt, exception, $"{exception.Message} Fix the invoice in SuperOps, then retry the write-back.", cancellationToken);
        }
        catch (SuperOpsException exception)
        {
            await RetryLaterAsync(attempt, exception, cancellationToken);
        }
    }

    private async Task SendOnceAsync(Attempt attempt, SuperOpsConnection connection, SuperOpsClient client, CancellationToken cancellationToken)
    {
        var externalId = attempt.Invoice.ExternalId!;

        if (attempt.Message.OutcomeUnknown)
        {
            var current = await client.GetInvoiceAsync(externalId, includePayments: false, cancellationToken);
            if (current is null)
            {
                await FailAsync(attempt, null, $"Invoice {attempt.Invoice.Number} no longer exists in SuperOps, so it cannot be updated there.", cancellationToken);
                return;
            }

            if (IsApplied(attempt.Message, current))
            {
                await DeliveredAsync(attempt, readBack: true, methodName: current.PaymentMethodName, cancellationToken);
                return;
            }

            if (current.Status == SuperOpsInvoiceStatus.Void)
            {
                await FailAsync(attempt, null, $"Invoice {attempt.Invoice.Number} is void in SuperOps, so it cannot be marked paid there.", cancellationToken);
                return;
            }
        }

        var (update, method) = await BuildUpdateAsync(attempt, connection, client, cancellationToken);

        // From here SuperOps may apply the update even if no response arrives, so a crash or timeout reads back first.
        attempt.Message.OutcomeUnknown = true;
        await attempt.Db.SaveChangesAsync(cancellationToken);

        await client.UpdateInvoiceAsync(update, cancellationToken);
        await DeliveredAsync(attempt, readBack: false, methodName: method?.Name, cancellationToken);
    }

    private static bool IsApplied(OutboxMessage message, SuperOpsInvoiceRecord current) => message.Kind switch
    {
        OutboxKind.MarkPaid => current.Status == SuperOpsInvoiceStatus.Paid && current.PaymentReference == message.Reference,
        _ => current.Status is not SuperOpsInvoiceStatus.Paid,
    };

    private async Task<(SuperOpsInvoiceUpdate Update, SuperOpsPaymentMethod? Method)> BuildUpdateAsync(
        Attempt attempt,
        SuperOpsConnection connection,
        SuperOpsClient client,
        CancellationToken cancellationToken)
    {
        var message = attempt.Message;
        var externalId = attempt.Invoice.ExternalId!;

        if (message.Kind == OutboxKind.Reopen)
        {
            return (new SuperOpsInvoiceUpdate(externalId, SuperOpsInvoiceStatus.Approved, ClearPaymentFields: true), null);
        }

        var methods = await PaymentMethodsAsync(connection, client, cancellationToken);
        var method = message.PaymentMethod is { } altPayMethod
            ? PaymentMethodMatcher.Match(altPayMethod, methods, connection.PaymentMethodMap)
            : null;

        if (method is null && message.PaymentMethod is { } unmatched && message.Attempts == 1)
        {
            PaymentLog.MethodUnmatched(logger, unmatched.ToString(), attempt.Invoice.Id);
            AddEvent(attempt, TimelineKinds.WriteBackPending,
                $"No SuperOps payment method matches \"{unmatched.ToString().ToLowerInvariant()}\"; the invoice is marked paid without a method. Set the names under Integrations > SuperOps.");
        }

        var update = new SuperOpsInvoiceUpdate(
            externalId,
            SuperOpsInvoiceStatus.Paid,
            PaymentDate: message.PaymentDate,
            PaymentMethodId: method?.PaymentMethodId,
            PaymentReference: message.Reference);
        return (update, method);
    }

    private async Task<IReadOnlyList<SuperOpsPaymentMethod>> PaymentMethodsAsync(SuperOpsConnection connection, SuperOpsClient client, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_paymentMethods.TryGetValue(connection.Id, out var cached) && now - cached.At < PaymentMethodCacheTime)
        {
            return cached.Methods;
        }

        var methods = await client.ListPaymentMethodsAsync(cancellationToken);
        _paymentMethods[connection.Id] = (now, methods);
        return methods;
    }

    private async Task DeliveredAsync(Attempt attempt, bool readBack, string? methodName, CancellationToken cancellationToken)
    {
        var (db, message, invoice, now) = attempt;
        message.Status = OutboxStatus.Delivered;
        message.DeliveredAt = now;
        message.OutcomeUnknown = false;
        message.LastError = null;

        var morePending = await db.Outbox.AnyAsync(row => row.InvoiceId == invoice.Id && row.Id != message.Id && row.Status == OutboxStatus.Pending, cancellationToken);
        invoice.WriteBackStatus = morePending ? WriteBackStatus.Pending : WriteBackStatus.Delivered;
        invoice.WriteBackError = null;

        // What AltPay wrote is now SuperOps' state, so the next refresh does not report it as a conflict.
        invoice.SuperOpsStatus = message.Kind == OutboxKind.MarkPaid ? SuperOpsStatus.Paid : SuperOpsStatus.Approved;
        invoice.RecomputeStatus();

        var text = message.Kind == OutboxKind.MarkPaid
            ? $"Marked paid in SuperOps (reference \"{message.Reference}\", method {methodName ?? "none"})."
            : "Reopened in SuperOps after the refund.";
        AddEvent(attempt, TimelineKinds.WriteBackDelivered, text);

        await db.SaveChangesAsync(cancellationToken);
        PaymentLog.Delivered(logger, message.Id, message.Kind.ToString(), invoice.Id, message.Attempts, readBack);
    }

    private async Task RetryLaterAsync(Attempt attempt, SuperOpsException exception, CancellationToken cancellationToken)
    {
        var message = attempt.Message;
        var reason = exception is SuperOpsOutcomeUnknownException
            ? "SuperOps did not answer whether the update was applied; it is read back before the next attempt."
            : $"SuperOps is unavailable or throttling ({exception.Code ?? exception.GetType().Name}).";

        if (message.Attempts >= options.Value.MaxAttempts)
        {
            await FailAsync(attempt, exception, $"{reason} Gave up after {message.Attempts} attempts; retry the write-back when SuperOps is back.", cancellationToken);
            return;
        }

        message.NextAttemptAt = attempt.Now + Backoff(message.Attempts);
        message.LastError = reason;
        attempt.Invoice.WriteBackError = reason;
        await attempt.Db.SaveChangesAsync(cancellationToken);
        PaymentLog.Retrying(logger, exception, message.Id, attempt.Invoice.Id, message.Attempts, exception.Code ?? exception.GetType().Name, message.NextAttemptAt);
    }

    private async Task FailAsync(Attempt attempt, Exception? exception, string reason, CancellationToken cancellationToken)
    {
        attempt.Message.Status = OutboxStatus.Failed;
        attempt.Message.LastError = reason;
        attempt.Invoice.WriteBackStatus = WriteBackStatus.Failed;
        attempt.Invoice.WriteBackError = reason;
        AddEvent(attempt, TimelineKinds.WriteBackFailed, $"Write-back to SuperOps failed: {reason}");
        await attempt.Db.SaveChangesAsync(cancellationToken);
        PaymentLog.Failed(logger, exception, attempt.Message.Id, attempt.Invoice.Id, attempt.Message.Attempts, reason);
    }

    // Exponential backoff with 20 % jitter, so that retries of many invoices do not arrive together.
    private TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(options.Value.MaxBackoff.TotalSeconds, Math.Pow(2, attempts - 1));
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromSeconds(seconds * jitter);
    }

    private static void AddEvent(Attempt attempt, string kind, string message) =>
        attempt.Db.TimelineEvents.Add(TimelineEvent.For(attempt.Invoice, kind, message, attempt.Now));

    private sealed record Attempt(AltPayDbContext Db, OutboxMessage Message, Invoice Invoice, DateTimeOffset Now);
}
