namespace AltPay.Domain;

public enum SyncRunKind
{
    Refresh,
    Sweep,
}

public enum SyncRunTrigger
{
    Schedule,
    Manual,
    Connect,
}

public enum SyncRunStatus
{
    Running,
    Succeeded,
    Failed,
    Incomplete,
    AwaitingConfirmation,
}

/// <summary>One refresh or deletion sweep of a connection, with what it changed and how it ended.</summary>
public sealed class SyncRun : IPartnerOwned
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public Guid ConnectionId { get; set; }

    public SyncRunKind Kind { get; set; }

    public SyncRunTrigger Trigger { get; set; }

    public SyncRunStatus Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int CustomersCreated { get; set; }

    public int CustomersUpdated { get; set; }

    public int CustomersArchived { get; set; }

    public int CustomersRestored { get; set; }

    public int InvoicesCreated { get; set; }

    public int InvoicesUpdated { get; set; }

    public int InvoicesUnchanged { get; set; }

    public int InvoicesArchived { get; set; }

    public int InvoicesRestored { get; set; }

    public int Conflicts { get; set; }

    public int SuperOpsRequests { get; set; }

    /// <summary>Records read from SuperOps so far, for live progress.</summary>
    public int RecordsRead { get; set; }

    /// <summary>What the run is doing now, for live progress ("Reading invoices, page 3").</summary>
    public string? Progress { get; set; }

    public string? Error { get; set; }

    /// <summary>
    /// For a sweep awaiting confirmation: the AltPay ids it would archive, as JSON
    /// <c>{"customers": [...], "invoices": [...]}</c>. Confirming archives exactly these.
    /// </summary>
    public string? HeldBack { get; set; }
}
