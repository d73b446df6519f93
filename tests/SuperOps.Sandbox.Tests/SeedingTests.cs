namespace SuperOps.Sandbox.Tests;

/// <summary>Seeded books: exact counts, determinism and a realistic status mix.</summary>
public sealed class SeedingTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Seed_SameRandomSeed_GivesSameBooks()
    {
        var seed = new SandboxSeed(Clients: 20, InvoicesPerClient: 5, LinesPerInvoice: 3, RandomSeed: 77);
        var first = await fixture.NewTenantAsync(seed);
        var second = await fixture.NewTenantAsync(seed);

        var a = (await first.AdminAsync(HttpMethod.Get, "invoices")).ToJsonString();
        var b = (await second.AdminAsync(HttpMethod.Get, "invoices")).ToJsonString();

        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Seed_DifferentRandomSeed_GivesDifferentIds()
    {
        var first = await fixture.NewTenantAsync(new SandboxSeed(5, 1, 1, RandomSeed: 1));
        var second = await fixture.NewTenantAsync(new SandboxSeed(5, 1, 1, RandomSeed: 2));

        var a = (await first.AdminAsync(HttpMethod.Get, "clients")).AsArray().Select(c => c!["accountId"]!.GetValue<string>());
        var b = (await second.AdminAsync(HttpMethod.Get, "clients")).AsArray().Select(c => c!["accountId"]!.GetValue<string>());

        Assert.Empty(a.Intersect(b));
    }

    [Fact]
    public void Seed_CountsAreExact()
    {
        var created = fixture.Host.Tenants.CreateTenant(new SandboxTenantSpec(
            "seed" + Guid.NewGuid().ToString("N")[..8], "t", "us", Seed: new SandboxSeed(300, 10, 3, RandomSeed: 4)));

        Assert.Equal(300, created.Clients);
        Assert.Equal(3000, created.Invoices);
        Assert.Equal(9000, created.Lines);
    }

    [Fact]
    public async Task Seed_LooksLikeAnMspsBooks()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(Clients: 200, InvoicesPerClient: 10, LinesPerInvoice: 3, RandomSeed: 12));

        var invoices = (await api.AdminAsync(HttpMethod.Get, "invoices")).AsArray();
        var clients = (await api.AdminAsync(HttpMethod.Get, "clients")).AsArray();

        var byStatus = invoices.GroupBy(i => i!["statusEnum"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count() / (double)invoices.Count);
        Assert.InRange(byStatus["DRAFT"], 0.07, 0.13);
        Assert.InRange(byStatus["APPROVED"], 0.45, 0.55);
        Assert.InRange(byStatus["PAID"], 0.21, 0.29);
        Assert.InRange(byStatus["OVERDUE"], 0.07, 0.13);
        Assert.InRange(byStatus["VOID"], 0.03, 0.07);
        Assert.All(invoices, i => Assert.InRange(i!["items"]!.AsArray().Count, 1, 8));
        Assert.Contains(invoices, i => i!["payments"]!.AsArray().Any(p => p!["type"]!.GetValue<string>() == "CREDIT"));
        Assert.Contains(invoices, i => i!["statusEnum"]!.GetValue<string>() != "PAID" && i["payments"]!.AsArray().Count > 0);
        Assert.All(invoices.Where(i => i!["statusEnum"]!.GetValue<string>() == "PAID"), i => Assert.Equal("0.00", i!["balanceDue"]!.GetValue<string>()));
        Assert.Equal(200, clients.Select(c => c!["name"]!.GetValue<string>()).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(200, clients.Select(c => c!["emailDomains"]![0]!.GetValue<string>()).Distinct().Count());
        Assert.All(clients, c => Assert.EndsWith(".com", c!["emailDomains"]![0]!.GetValue<string>()));
        var serviceNames = invoices.SelectMany(i => i!["items"]!.AsArray()).Select(l => l!["serviceItem"]!["name"]!.GetValue<string>()).Distinct().ToList();
        Assert.Contains("Managed Workstation (per seat)", serviceNames);
        Assert.Contains("Remote Support", serviceNames);
        Assert.Contains("Business Laptop", serviceNames);
    }

    [Fact]
    public async Task Seed_DatesAreRelativeToClock()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(Clients: 50, InvoicesPerClient: 4, LinesPerInvoice: 2, RandomSeed: 13));

        var invoices = (await api.AdminAsync(HttpMethod.Get, "invoices")).AsArray();

        var today = DateOnly.FromDateTime(SandboxFixture.Now.UtcDateTime);
        Assert.All(invoices, i => Assert.True(DateOnly.Parse(i!["invoiceDate"]!.GetValue<string>()) <= today));
        Assert.All(
            invoices.Where(i => i!["statusEnum"]!.GetValue<string>() == "OVERDUE"),
            i => Assert.True(DateOnly.Parse(i!["dueDate"]!.GetValue<string>()) < today));
        Assert.All(
            invoices.Where(i => i!["statusEnum"]!.GetValue<string>() == "APPROVED"),
            i => Assert.True(DateOnly.Parse(i!["dueDate"]!.GetValue<string>()) >= today));
    }
}
