namespace AltPay.Sync;

/// <summary>What the partner submits to connect SuperOps. Region is "us" or "eu"; currency an ISO 4217 code.</summary>
public sealed record ConnectRequest(string? Subdomain, string? ApiToken, string? Region, string? Currency);

/// <summary>
/// The connect request is malformed (HTTP 400). <see cref="Errors"/> maps each bad field (camelCase,
/// as in the API) to a message that names the value and the fix.
/// </summary>
public sealed class ConnectionInputException(IReadOnlyDictionary<string, string> errors)
    : Exception("The SuperOps connection request is invalid: " + string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>SuperOps rejected the token or did not know the subdomain (HTTP 422). Nothing was saved.</summary>
public sealed class ConnectionRejectedException(string field, string message) : Exception(message)
{
    /// <summary>"apiToken" or "subdomain".</summary>
    public string Field { get; } = field;
}

/// <summary>SuperOps could not be reached to check the connection (HTTP 503). Nothing was saved.</summary>
public sealed class SuperOpsUnreachableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The partner has no active SuperOps connection (HTTP 404 or 409 depending on the action).</summary>
public sealed class NotConnectedException()
    : Exception("SuperOps is not connected. Connect it under Integrations > SuperOps first.");

/// <summary>No sync run with this id exists for the partner (HTTP 404).</summary>
public sealed class SyncRunNotFoundException(Guid runId)
    : Exception($"Sync run {runId} was not found. List runs with GET /api/v1/sync-runs.")
{
    public Guid RunId { get; } = runId;
}

/// <summary>The run is not in a state that allows the action (HTTP 409); <see cref="RunId"/> names the run in the way.</summary>
public sealed class SyncRunStateException(Guid runId, string message) : Exception(message)
{
    public Guid RunId { get; } = runId;
}
