namespace AltPay.Web;

/// <summary>Log messages of the audit log and the account settings; event ids 100 to 119.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, EventName = "AuditWriteFailed", Level = LogLevel.Error,
        Message = "The audit entry {Action} of partner {PartnerId} could not be saved")]
    public static partial void AuditWriteFailed(ILogger logger, Exception exception, string action, Guid partnerId);

    [LoggerMessage(EventId = 101, EventName = "UserCreated", Level = LogLevel.Information,
        Message = "User {UserId} was added to partner {PartnerId} with role {Role}")]
    public static partial void UserCreated(ILogger logger, string userId, Guid partnerId, string role);

    [LoggerMessage(EventId = 102, EventName = "UserRoleChanged", Level = LogLevel.Information,
        Message = "User {UserId} of partner {PartnerId} now has role {Role}")]
    public static partial void UserRoleChanged(ILogger logger, string userId, Guid partnerId, string role);

    [LoggerMessage(EventId = 103, EventName = "UserRemoved", Level = LogLevel.Information,
        Message = "User {UserId} was removed from partner {PartnerId}")]
    public static partial void UserRemoved(ILogger logger, string userId, Guid partnerId);

    [LoggerMessage(EventId = 104, EventName = "ApiKeyCreated", Level = LogLevel.Information,
        Message = "API key {ApiKeyId} was created for partner {PartnerId}")]
    public static partial void ApiKeyCreated(ILogger logger, Guid apiKeyId, Guid partnerId);

    [LoggerMessage(EventId = 105, EventName = "ApiKeyRevoked", Level = LogLevel.Information,
        Message = "API key {ApiKeyId} of partner {PartnerId} was revoked")]
    public static partial void ApiKeyRevoked(ILogger logger, Guid apiKeyId, Guid partnerId);

    [LoggerMessage(EventId = 106, EventName = "PasswordChanged", Level = LogLevel.Information,
        Message = "User {UserId} of partner {PartnerId} changed the password")]
    public static partial void PasswordChanged(ILogger logger, string userId, Guid partnerId);

    [LoggerMessage(EventId = 107, EventName = "SignedOut", Level = LogLevel.Information,
        Message = "User {UserId} of partner {PartnerId} signed out")]
    public static partial void SignedOut(ILogger logger, string userId, Guid partnerId);
}
