using System.Globalization;
using AltPay.Domain;
using AltPay.SuperOps;

namespace AltPay.Sync;

internal static class RateBudgetProgress
{
    /// <summary>
    /// Shows in the run's progress that its next SuperOps request waits for the request limit, so a run
    /// that pauses for up to a minute does not look stuck. The next page read replaces the text.
    /// </summary>
    public static void ReportWaitsTo(this SuperOpsClient client, SyncRun run) =>
        client.RateBudgetWait = wait => run.Progress = Describe(wait);

    /// <summary>Describes a wait for the request limit in a run's progress.</summary>
    public static string Describe(TimeSpan wait) => string.Create(CultureInfo.InvariantCulture,
        $"Waiting up to {Math.Ceiling(wait.TotalSeconds):0} s for the SuperOps request limit; the run goes on by itself");
}
