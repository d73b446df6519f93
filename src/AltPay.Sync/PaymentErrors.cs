namespace AltPay.Sync;

/// <summary>The invoice or payment does not exist for this partner (HTTP 404), exactly as if it belonged to another partner.</summary>
public sealed class RecordNotFoundException(string message) : Exception(message);

/// <summary>The invoice's state does not allow the action (HTTP 409), such as paying a void, archived or paid invoice.</summary>
public sealed class InvoiceStateException(string message) : Exception(message);

/// <summary>
/// A payment request is well formed but cannot be taken (HTTP 422), such as an amount above the
/// outstanding balance. <see cref="Field"/> is the camelCase request field at fault.
/// </summary>
public sealed class PaymentRejectedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A payment request is malformed (HTTP 400); <see cref="Field"/> is the camelCase request field at fault.</summary>
public sealed class PaymentInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
