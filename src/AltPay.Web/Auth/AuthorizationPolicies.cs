namespace AltPay.Web.Auth;

public static class AuthorizationPolicies
{
    /// <summary>Partner REST API: a valid API key.</summary>
    public const string Api = "api";

    /// <summary>Connect, change or disconnect SuperOps: Admin only.</summary>
    public const string ManageConnection = "manage-connection";

    /// <summary>Start runs and edit records: Admin or Member.</summary>
    public const string Operate = "operate";

    /// <summary>Rate limiter policy of the sign-in form.</summary>
    public const string SignInRateLimit = "sign-in";
}
