namespace AltPay.Web.Audit;

/// <summary>The action names written to the audit log.</summary>
public static class AuditActions
{
    public const string SignedIn = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignedOut = "signout";
    public const string PasswordChanged = "user.password_changed";

    public const string ConnectionConnected = "connection.connected";
    public const string ConnectionDisconnected = "connection.disconnected";
    public const string SyncRequested = "sync.requested";
    public const string SweepRequested = "sweep.requested";
    public const string SweepConfirmed = "sweep.confirmed";
    public const string SweepDismissed = "sweep.dismissed";

    public const string PaymentRecorded = "payment.recorded";
    public const string PaymentRefunded = "payment.refunded";
    public const string WriteBackRetried = "writeback.retried";

    public const string UserCreated = "user.created";
    public const string UserRoleChanged = "user.role_changed";
    public const string UserRemoved = "user.removed";
    public const string UserUnlocked = "user.unlocked";

    public const string ApiKeyCreated = "apikey.created";
    public const string ApiKeyRevoked = "apikey.revoked";
}
