using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SuperOps.Sandbox.Tests;

/// <summary>Admin input that would overflow or round money is rejected before anything changes.</summary>
public sealed class AdminInputLimitTests
{
    [Fact]
    public async Task HugePayment_IsRejectedAndInvoiceStaysReadable()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        sandbox.Tenants.CreateTenant(new SandboxTenantSpec("limits", "token-limits", "us", Seed: new SandboxSeed(2, 2, 1, 5)));
        using var admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseAddress, "admin/tenants/limits/") };
        var invoiceId = (string)(await admin.GetFromJsonAsync<JsonArray>("invoices"))![0]!["invoiceId"]!;

        using var payment = await admin.PostAsJsonAsync($"invoices/{invoiceId}/payments",
            new { amount = 79228162514264337593543950335m, type = "PAYMENT" });
        using var listing = await admin.GetAsync("invoices");

        Assert.Equal(HttpStatusCode.BadRequest, payment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
    }

    [Fact]
    public async Task PaymentWithThreeDecimals_IsRejected()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        sandbox.Tenants.CreateTenant(new SandboxTenantSpec("cents", "token-cents", "us", Seed: new SandboxSeed(2, 2, 1, 5)));
        using var admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseAddress, "admin/tenants/cents/") };
        var invoiceId = (string)(await admin.GetFromJsonAsync<JsonArray>("invoices"))![0]!["invoiceId"]!;

        using var payment = await admin.PostAsJsonAsync($"invoices/{invoiceId}/payments", new { amount = 1.005m, type = "PAYMENT" });

        Assert.Equal(HttpStatusCode.BadRequest, payment.StatusCode);
    }

    [Fact]
    public async Task HugeLineItems_AreRejectedAndLinesUnchanged()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        sandbox.Tenants.CreateTenant(new SandboxTenantSpec("lines", "token-lines", "us", Seed: new SandboxSeed(2, 2, 1, 5)));
        using var admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseAddress, "admin/tenants/lines/") };
        var before = (await admin.GetFromJsonAsync<JsonArray>("invoices"))![0]!;
        var invoiceId = (string)before["invoiceId"]!;

        using var patch = await admin.PatchAsJsonAsync($"invoices/{invoiceId}", new
        {
            items = new[] { new { details = "Huge", quantity = "79228162514264337593543950335", unitPrice = "79228162514264337593543950335" } },
        });
        var after = (await admin.GetFromJsonAsync<JsonArray>("invoices"))![0]!;

        Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
        Assert.Equal(before["items"]!.ToJsonString(), after["items"]!.ToJsonString());
    }
}
