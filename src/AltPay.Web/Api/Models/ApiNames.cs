using AltPay.Domain;

namespace AltPay.Web.Api.Models;

/// <summary>The API spelling of enum values: lower-case, words joined with underscores.</summary>
public static class ApiNames
{
    public static readonly string[] Sources = ["superops", "altpay"];

    public static string ToApiName(this RecordSource source) => source switch
    {
        RecordSource.SuperOps => "superops",
        RecordSource.AltPay => "altpay",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown record source."),
    };

    public static string ToApiName(this SyncRunKind kind) => kind switch
    {
        SyncRunKind.Refresh => "refresh",
        SyncRunKind.Sweep => "sweep",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown sync run kind."),
    };

    public static string ToApiName(this SyncRunTrigger trigger) => trigger switch
    {
        SyncRunTrigger.Schedule => "schedule",
        SyncRunTrigger.Manual => "manual",
        SyncRunTrigger.Connect => "connect",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown sync run trigger."),
    };

    public static string ToApiName(this SyncRunStatus status) => status switch
    {
        SyncRunStatus.Running => "running",
        SyncRunStatus.Succeeded => "succeeded",
        SyncRunStatus.Failed => "failed",
        SyncRunStatus.Incomplete => "incomplete",
        SyncRunStatus.AwaitingConfirmation => "awaiting_confirmation",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown sync run status."),
    };

    public static string ToApiName(this ConnectionStatus status) => status switch
    {
        ConnectionStatus.Connected => "connected",
        ConnectionStatus.Error => "error",
        ConnectionStatus.Disconnected => "disconnected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown connection status."),
    };

    public static string ToApiName(this WriteBackStatus status) => status switch
    {
        WriteBackStatus.None => "none",
        WriteBackStatus.Pending => "pending",
        WriteBackStatus.Delivered => "delivered",
        WriteBackStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown write-back status."),
    };

    public static string ToApiName(this PaymentMethod method) => method switch
    {
        PaymentMethod.Card => "card",
        PaymentMethod.Ach => "ach",
        PaymentMethod.Check => "check",
        PaymentMethod.Cash => "cash",
        PaymentMethod.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown payment method."),
    };

    public static string ToApiName(this PaymentStatus status) => status switch
    {
        PaymentStatus.Succeeded => "succeeded",
        PaymentStatus.Refunded => "refunded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown payment status."),
    };

    public static bool TryParseSource(string? name, out RecordSource source)
    {
        foreach (var candidate in Enum.GetValues<RecordSource>())
        {
            if (string.Equals(candidate.ToApiName(), name, StringComparison.Ordinal))
            {
                source = candidate;
                return true;
            }
        }

        source = default;
        return false;
    }
}
