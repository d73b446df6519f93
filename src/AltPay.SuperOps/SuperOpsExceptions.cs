namespace AltPay.SuperOps;

/// <summary>
/// A SuperOps call that failed. <see cref="Code"/> is the SuperOps <c>clientError</c> code where SuperOps gave one
/// (for example <c>rate_limit_exceeded</c>), otherwise a code of this client such as <c>http_401</c> or <c>timeout</c>.
/// Messages never contain the API token.
/// </summary>
public class SuperOpsException : Exception
{
    public SuperOpsException(string message, string? code = null, string? operation = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Operation = operation;
    }

    public string? Code { get; }

    /// <summary>GraphQL operation that failed, such as <c>getInvoiceList</c>.</summary>
    public string? Operation { get; }
}

/// <summary>HTTP 401: the API token is invalid or was deleted.</summary>
public sealed class SuperOpsAuthenticationException(string message, string? code = null, string? operation = null, Exception? innerException = null)
    : SuperOpsException(message, code, operation, innerException);

/// <summary>HTTP 400: SuperOps does not know the subdomain in this region.</summary>
public sealed class SuperOpsSubdomainException(string message, string? code = null, string? operation = null, Exception? innerException = null)
    : SuperOpsException(message, code, operation, innerException);

/// <summary><c>rate_limit_exceeded</c> (or HTTP 429) on every attempt.</summary>
public sealed class SuperOpsRateLimitException(string message, string? code = null, string? operation = null, Exception? innerException = null)
    : SuperOpsException(message, code, operation, innerException);

/// <summary>A validation <c>clientError</c> code, or a GraphQL document error.</summary>
public sealed class SuperOpsValidationException(string message, string? code = null, string? operation = null, Exception? innerException = null)
    : SuperOpsException(message, code, operation, innerException);

/// <summary>An internal server error or HTTP 5xx on every attempt.</summary>
public sealed class SuperOpsInternalException(string message, string? code = null, string? operation = null, Exception? innerException = null)
    : SuperOpsException(message, code, operation, innerException);

/// <summary><c>entity_does_not_exist</c> where the method does not return null for it.</summary>
public sealed class SuperOpsNotFoundException(string message, string? code = null, string? operation = null, Exception? innerException = null)
    : SuperOpsException(message, code, operation, innerException);

/// <summary>
/// A mutation was sent but its result is unknown (timeout, dropped connection, internal error or HTTP 5xx):
/// read the record back before sending it again.
/// </summary>
public sealed class SuperOpsOutcomeUnknownException(string message, string? code = null, string? operation = null, Exception? innerException = null)
    : SuperOpsException(message, code, operation, innerException);

/// <summary>SuperOps could not be reached, or timed out, on every attempt (connection refused, DNS failure, timeout).</summary>
public sealed class SuperOpsUnavailableException(string message, string? code = null, string? operation = null, Exception? innerException = null)
    : SuperOpsException(message, code, operation, innerException);

/// <summary>A response this client cannot read, such as a malformed amount, date or id.</summary>
public sealed class SuperOpsResponseException : SuperOpsException
{
    public SuperOpsResponseException(string message, string? field, string? value, string? operation = null, Exception? innerException = null)
        : base(message, "malformed_response", operation, innerException)
    {
        Field = field;
        Value = value;
    }

    /// <summary>Path of the unreadable field, such as <c>invoices[3].totalAmount</c>.</summary>
    public string? Field { get; }

    /// <summary>The value as received (JSON text), or null when the field was missing.</summary>
    public string? Value { get; }
}
