using System.ComponentModel.DataAnnotations;

namespace AltPay.Sync;

/// <summary>Schedules of the sync engine, bound from the <c>AltPay:Sync</c> configuration section.</summary>
public sealed class SyncOptions
{
    public const string SectionName = "AltPay:Sync";

    /// <summary>Time between scheduled inbound refreshes of one connection. The default is one hour.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00", ErrorMessage = "AltPay:Sync:RefreshInterval must be between 00:00:05 and 7.00:00:00.")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Time between scheduled deletion sweeps of one connection. The default is one hour.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00", ErrorMessage = "AltPay:Sync:SweepInterval must be between 00:00:05 and 7.00:00:00.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether Quartz schedules refreshes and sweeps. Tests turn it off to trigger runs themselves.</summary>
    public bool SchedulingEnabled { get; set; } = true;
}
