using System.Diagnostics;
using System.Text;
using SuperOps.Sandbox;

// Timed console benchmark of the SuperOps sandbox:
//   1. seeding a tenant of 10,000 clients, 100,000 invoices and 300,000 lines (target: under 30 s);
//   2. serving one 100-invoice page over HTTP on loopback (target: median under 50 ms).
// Run in Release: dotnet run -c Release --project bench/SuperOps.Sandbox.Bench [-- --requests 200]
var requests = args.Length == 2 && args[0] == "--requests" ? int.Parse(args[1]) : 200;
var seed = new SandboxSeed(Clients: 10_000, InvoicesPerClient: 10, LinesPerInvoice: 3, RandomSeed: 2026);

await using var host = await SandboxHost.StartAsync();

Console.WriteLine($"Machine: {Environment.ProcessorCount} logical processors, {Environment.OSVersion}, .NET {Environment.Version}");

var seedTimes = new List<double>();
for (var run = 1; run <= 3; run++)
{
    var stopwatch = Stopwatch.StartNew();
    var created = host.Tenants.CreateTenant(new SandboxTenantSpec($"bench{run}", "bench-token", "us", Seed: seed));
    stopwatch.Stop();
    seedTimes.Add(stopwatch.Elapsed.TotalSeconds);
    Console.WriteLine($"Seed run {run}: {created.Clients} clients, {created.Invoices} invoices, {created.Lines} lines in {stopwatch.Elapsed.TotalSeconds:F2} s");
}

using var http = new HttpClient();
const string headerQuery =
    "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { invoiceId displayId client site invoiceDate dueDate statusEnum sentToClient totalAmount paymentDate paymentMethod paymentReference } listInfo { page pageSize hasMore totalCount } } }";
const string fullQuery =
    "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { invoiceId displayId client statusEnum totalAmount amountPaid balanceDue items { itemId quantity unitPrice amount taxAmount totalAmount } taxes { taxAmount } payments { amount } } listInfo { hasMore totalCount } } }";

var cases = new (string Name, string Query, object? Condition, object[]? Sort)[]
{
    ("header fields", headerQuery, null, null),
    ("with lines, taxes and payments", fullQuery, null, null),
    ("header fields, open invoices sorted by invoiceDate DESC", headerQuery,
        new
        {
            joinOperator = "OR",
            operands = new[]
            {
                new { attribute = "statusEnum", @operator = "is", value = "APPROVED" },
                new { attribute = "statusEnum", @operator = "is", value = "OVERDUE" },
            },
        },
        [new { attribute = "invoiceDate", order = "DESC" }]),
};

foreach (var (name, query, condition, sort) in cases)
{
    var timings = new List<double>();
    var cpuAtStart = TimeSpan.Zero;
    for (var i = 0; i < requests + 20; i++)
    {
        if (i == 20)
        {
            cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        }

        var page = i % (condition is null ? 1000 : 500) + 1;
        var body = System.Text.Json.JsonSerializer.Serialize(new { query, variables = new { input = new { page, pageSize = 100, condition, sort } } });
        using var request = new HttpRequestMessage(HttpMethod.Post, host.UsEndpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("CustomerSubDomain", "bench1");
        request.Headers.Add("Authorization", "Bearer bench-token");

        var stopwatch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        stopwatch.Stop();
        if (!response.IsSuccessStatusCode || !text.StartsWith("{\"data\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Page {page} failed: HTTP {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
        }

        // The first 20 requests warm up the JIT and connection pool and are not counted.
        if (i >= 20)
        {
            timings.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
    }

    // CPU time per request (server and client together) depends less on other load on the machine than wall time.
    var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalMilliseconds / timings.Count;
    timings.Sort();
    Console.WriteLine(
        $"100-invoice page ({name}), {timings.Count} requests: median {timings[timings.Count / 2]:F1} ms, " +
        $"p95 {timings[(int)(timings.Count * 0.95)]:F1} ms, max {timings[^1]:F1} ms, CPU {cpuPerRequest:F1} ms per request");
}

seedTimes.Sort();
Console.WriteLine($"Seeding median of 3: {seedTimes[1]:F2} s");
