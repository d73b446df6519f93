using System.Diagnostics;
using System.Net.Http.Json;
using AltPay.Bench;

// A timed end-to-end run of a full refresh: the sandbox runs as its own process, so the memory
// measured here is the sync engine's alone.
var options = BenchOptions.Parse(args);
await using var sandbox = await SandboxProcess.StartAsync(options.SandboxDll, options.Port);

Console.WriteLine($"Seeding {options.Clients} clients x {options.InvoicesPerClient} invoices x {options.LinesPerInvoice} lines...");
var seedTimer = Stopwatch.StartNew();
using (var admin = new HttpClient { BaseAddress = sandbox.BaseAddress, Timeout = TimeSpan.FromMinutes(5) })
{
    var response = await admin.PostAsJsonAsync("admin/tenants", new
    {
        subdomain = RefreshBench.Subdomain,
        apiToken = RefreshBench.Token,
        region = "us",
        seed = new { clients = options.Clients, invoicesPerClient = options.InvoicesPerClient, linesPerInvoice = options.LinesPerInvoice, randomSeed = 11 },
    });
    response.EnsureSuccessStatusCode();
    (await admin.PutAsJsonAsync($"admin/tenants/{RefreshBench.Subdomain}/settings", new { requestsPerMinute = 1_000_000 })).EnsureSuccessStatusCode();
}

Console.WriteLine($"Seeded in {seedTimer.Elapsed.TotalSeconds:0.0} s");

var result = await RefreshBench.RunAsync(sandbox.BaseAddress, options.Rounds);
Console.WriteLine(result.Format());
