namespace AltPay.Bench;

/// <summary>Command-line options: --clients, --invoices-per-client, --lines-per-invoice, --rounds, --sandbox-dll, --port.</summary>
internal sealed record BenchOptions(int Clients, int InvoicesPerClient, int LinesPerInvoice, int Rounds, string SandboxDll, int Port)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index + 1 < args.Length; index += 2)
        {
            values[args[index]] = args[index + 1];
        }

        var defaultDll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/SuperOps.Sandbox/bin/Release/net10.0/SuperOps.Sandbox.dll"));
        return new BenchOptions(
            int.Parse(values.GetValueOrDefault("--clients", "10000")),
            int.Parse(values.GetValueOrDefault("--invoices-per-client", "10")),
            int.Parse(values.GetValueOrDefault("--lines-per-invoice", "3")),
            int.Parse(values.GetValueOrDefault("--rounds", "5")),
            values.GetValueOrDefault("--sandbox-dll", defaultDll),
            int.Parse(values.GetValueOrDefault("--port", "5191")));
    }
}
