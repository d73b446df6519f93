using System.ComponentModel.DataAnnotations;

namespace AltPay.Sync;

/// <summary>Settings of the write-back dispatcher, bound from <c>AltPay:WriteBack</c>.</summary>
public sealed class WriteBackOptions
{
    public const string SectionName = "AltPay:WriteBack";

    /// <summary>How often the dispatcher looks for due rows when nothing wakes it. The default is one second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "AltPay:WriteBack:PollInterval must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts after which a transient failure is marked failed for the partner to retry. The default is 12.</summary>
    [Range(1, 100, ErrorMessage = "AltPay:WriteBack:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The longest wait between two attempts. The default is five minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "AltPay:WriteBack:MaxBackoff must be between 00:00:01 and 01:00:00.")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
}
