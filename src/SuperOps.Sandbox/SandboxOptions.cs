namespace SuperOps.Sandbox;

/// <summary>Host-wide sandbox settings; tenant settings live in the admin API.</summary>
public sealed class SandboxOptions
{
    /// <summary>Delay before a <c>timeout</c> fault sends HTTP 504, measured on the TimeProvider.</summary>
    public TimeSpan TimeoutFaultDelay { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Page size used when a list request gives none.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest page size; larger requested sizes are clamped to it.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Rate limit of a new tenant, in requests per rolling 60 seconds per token.</summary>
    public int DefaultRequestsPerMinute { get; set; } = 800;
}
