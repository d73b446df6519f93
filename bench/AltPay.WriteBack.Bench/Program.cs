using System.Globalization;
using AltPay.WriteBack.Bench;

// A timed end-to-end run: for each invoice, the time from recording a full AltPay payment to the
// sandbox admin listing showing the invoice PAID.
var invoices = 50;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--invoices" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
    {
        invoices = parsed;
        i++;
    }
    else
    {
        Console.Error.WriteLine($"Unknown or invalid argument '{args[i]}'. Usage: AltPay.WriteBack.Bench [--invoices N], N a positive number of invoices (default 50).");
        return 2;
    }
}

await using var bench = await WriteBackBench.StartAsync();
Console.WriteLine($"Sandbox on {bench.SandboxAddress}; importing {invoices} invoices...");
var latencies = await bench.RunAsync(invoices);

var sorted = latencies.Order().ToList();
Console.WriteLine($"Invoices: {sorted.Count}");
Console.WriteLine($"Median:   {Percentile(sorted, 0.50).TotalMilliseconds:0} ms");
Console.WriteLine($"p95:      {Percentile(sorted, 0.95).TotalMilliseconds:0} ms");
Console.WriteLine($"Min:      {sorted[0].TotalMilliseconds:0} ms");
Console.WriteLine($"Max:      {sorted[^1].TotalMilliseconds:0} ms");
return 0;

// Nearest-rank percentile: the smallest value with at least that share of values at or below it.
static TimeSpan Percentile(List<TimeSpan> sorted, double share)
{
    var rank = (int)Math.Ceiling(share * sorted.Count);
    return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
}
