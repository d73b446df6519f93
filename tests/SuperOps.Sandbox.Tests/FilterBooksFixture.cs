namespace SuperOps.Sandbox.Tests;

/// <summary>
/// A read-only tenant with known clients and invoices for filter and sort tests, on the fixed clock of
/// <see cref="SandboxFixture"/> (today is 2026-03-15, a Sunday). Invoices are labelled I1 to I5.
/// </summary>
public sealed class FilterBooksFixture : IAsyncLifetime
{
    private readonly SandboxFixture _sandbox = new();

    public SandboxApi Api { get; private set; } = null!;

    /// <summary>Invoice label by invoice id.</summary>
    public Dictionary<string, string> InvoiceLabels { get; } = [];

    /// <summary>Client name by account id.</summary>
    public Dictionary<string, string> ClientNames { get; } = [];

    public Dictionary<string, string> ClientIds { get; } = [];

    public async Task InitializeAsync()
    {
        await _sandbox.InitializeAsync();
        Api = await _sandbox.NewTenantAsync();

        var alpha = await AddClientAsync("Alpha Dental LLC", "alphadental.com");
        var beta = await AddClientAsync("Beta Legal Inc", "betalegal.com", "beta-law.com");
        var gamma = await AddClientAsync("Gamma Logistics");
        var delta = await Api.DataAsync(
            "mutation createClientV2($input: CreateClientInputV2!) { createClientV2(input: $input) { accountId name } }",
            new
            {
                input = new
                {
                    name = "Delta Prospects Group",
                    stage = "Prospect",
                    status = "Lead",
                    emailDomains = new[] { "deltaprospects.com" },
                    hqSite = new { name = "Main Office", working24x7 = false, timezoneCode = "America/Chicago" },
                },
            });
        ClientIds["Delta Prospects Group"] = delta["accountId"]!.GetValue<string>();
        ClientNames[delta["accountId"]!.GetValue<string>()] = "Delta Prospects Group";

        await AddInvoiceAsync("I1", alpha, "2026-03-10", "2026-04-09", "APPROVED", "100.00");
        await AddInvoiceAsync("I2", alpha, "2026-01-05", "2026-02-04", "APPROVED", "250.50");
        await AddInvoiceAsync("I3", beta, "2026-02-20", "2026-03-22", "PAID", "1000.00");
        await AddInvoiceAsync("I4", beta, "2026-03-15", null, "DRAFT", "75.25");
        await AddInvoiceAsync("I5", gamma, "2025-12-01", "2025-12-31", "VOID", "500.00");
    }

    public Task DisposeAsync() => _sandbox.DisposeAsync();

    private async Task<string> AddClientAsync(string name, params string[] domains)
    {
        var id = (await Api.AddClientAsync(name, domains))["accountId"]!.GetValue<string>();
        ClientIds[name] = id;
        ClientNames[id] = name;
        return id;
    }

    private async Task AddInvoiceAsync(string label, string clientId, string invoiceDate, string? dueDate, string status, string amount)
    {
        var invoice = await Api.AddInvoiceAsync(clientId, invoiceDate, dueDate, status, ("Work", "1", amount));
        InvoiceLabels[invoice["invoiceId"]!.GetValue<string>()] = label;
    }
}
