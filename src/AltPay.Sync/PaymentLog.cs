using Microsoft.Extensions.Logging;

namespace AltPay.Sync;

internal static partial class PaymentLog
{
    [LoggerMessage(EventId = 3001, EventName = "PaymentRecorded", Level = LogLevel.Information,
        Message = "Payment {PaymentId} of {AmountMinor} minor units recorded on invoice {InvoiceId} for partner {PartnerId}; invoice settled: {Settled}")]
    public static partial void Recorded(ILogger logger, Guid paymentId, Guid invoiceId, Guid partnerId, long amountMinor, bool settled);

    [LoggerMessage(EventId = 3002, EventName = "PaymentRefunded", Level = LogLevel.Information,
        Message = "Payment {PaymentId} of {AmountMinor} minor units on invoice {InvoiceId} refunded for partner {PartnerId}")]
    public static partial void Refunded(ILogger logger, Guid paymentId, Guid invoiceId, Guid partnerId, long amountMinor);

    [LoggerMessage(EventId = 3010, EventName = "DispatcherStarted", Level = LogLevel.Information,
        Message = "Write-back dispatcher started; polling every {PollInterval}")]
    public static partial void DispatcherStarted(ILogger logger, TimeSpan pollInterval);

    [LoggerMessage(EventId = 3011, EventName = "DispatcherStopped", Level = LogLevel.Information,
        Message = "Write-back dispatcher stopped")]
    public static partial void DispatcherStopped(ILogger logger);

    [LoggerMessage(EventId = 3012, EventName = "WriteBackDelivered", Level = LogLevel.Information,
        Message = "Write-back {MessageId} ({Kind}) of invoice {InvoiceId} delivered to SuperOps after {Attempts} attempts (confirmed by read-back: {ReadBack})")]
    public static partial void Delivered(ILogger logger, Guid messageId, string kind, Guid invoiceId, int attempts, bool readBack);

    [LoggerMessage(EventId = 3013, EventName = "WriteBackRetry", Level = LogLevel.Warning,
        Message = "Write-back {MessageId} of invoice {InvoiceId} attempt {Attempt} failed ({Reason}); retrying at {NextAttemptAt}")]
    public static partial void Retrying(ILogger logger, Exception exception, Guid messageId, Guid invoiceId, int attempt, string reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 3014, EventName = "WriteBackFailed", Level = LogLevel.Error,
        Message = "Write-back {MessageId} of invoice {InvoiceId} failed for good after {Attempts} attempts: {Reason}")]
    public static partial void Failed(ILogger logger, Exception? exception, Guid messageId, Guid invoiceId, int attempts, string reason);

    [LoggerMessage(EventId = 3015, EventName = "DispatcherError", Level = LogLevel.Error,
        Message = "Write-back dispatcher pass failed; it tries again at the next poll")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3016, EventName = "PaymentMethodUnmatched", Level = LogLevel.Information,
        Message = "No SuperOps payment method matches AltPay method {Method} for invoice {InvoiceId}; writing back without a method")]
    public static partial void MethodUnmatched(ILogger logger, string method, Guid invoiceId);
}
