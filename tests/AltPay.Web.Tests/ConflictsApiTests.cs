using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed class ConflictsApiTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    private static readonly DateTimeOffset DetectedAt = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task ResolveMovesConflictOutOfOpenList()
    {
        var partner = await app.CreatePartnerAsync("Conflicted IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var customerId = (await api.CreateCustomerAsync("Locked Dental"))["id"]!.GetValue<string>();
        var invoiceId = Guid.Parse((await api.CreateInvoiceAsync(customerId))["id"]!.GetValue<string>());
        var conflictId = await AddConflictAsync(partner.Id, invoiceId);

        var open = await api.GetFromJsonAsync<JsonArray>("/api/v1/conflicts?resolved=false");
        using var resolve = await api.PostAsync($"/api/v1/conflicts/{conflictId}/resolve", null);
        var openAfter = await api.GetFromJsonAsync<JsonArray>("/api/v1/conflicts?resolved=false");
        var all = await api.GetFromJsonAsync<JsonArray>("/api/v1/conflicts");

        var listed = Assert.Single(open!)!;
        Assert.Equal(conflictId.ToString(), listed["id"]!.GetValue<string>());
        Assert.Equal(invoiceId.ToString(), listed["invoiceId"]!.GetValue<string>());
        Assert.Equal("2026-12-01T09:30:00Z", listed["detectedAt"]!.GetValue<string>());
        Assert.Equal("amount", listed["field"]!.GetValue<string>());
        Assert.Equal("250.50", listed["altPayValue"]!.GetValue<string>());
        Assert.Equal("300.00", listed["superOpsValue"]!.GetValue<string>());
        Assert.False(listed["resolved"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        Assert.True((await resolve.ReadJsonAsync())["resolved"]!.GetValue<bool>());
        Assert.Empty(openAfter!);
        Assert.Single(all!);
    }

    [Fact]
    public async Task OtherPartnerCannotResolveConflict()
    {
        var owner = await app.CreatePartnerAsync("Conflict Owner IT");
        var other = await app.CreatePartnerAsync("Conflict Other IT");
        using var ownerApi = app.CreateApiClient(owner.ApiKey);
        using var otherApi = app.CreateApiClient(other.ApiKey);
        var customerId = (await ownerApi.CreateCustomerAsync("Owned Clinic"))["id"]!.GetValue<string>();
        var invoiceId = Guid.Parse((await ownerApi.CreateInvoiceAsync(customerId))["id"]!.GetValue<string>());
        var conflictId = await AddConflictAsync(owner.Id, invoiceId);

        using var response = await otherApi.PostAsync($"/api/v1/conflicts/{conflictId}/resolve", null);
        var otherList = await otherApi.GetFromJsonAsync<JsonArray>("/api/v1/conflicts");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(otherList!);
    }

    private async Task<Guid> AddConflictAsync(Guid partnerId, Guid invoiceId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>().ForPartner(partnerId);
        var conflict = new Conflict
        {
            Id = Guid.NewGuid(),
            PartnerId = partnerId,
            InvoiceId = invoiceId,
            DetectedAt = DetectedAt,
            Field = "amount",
            AltPayValue = "250.50",
            SuperOpsValue = "300.00",
        };
        db.Conflicts.Add(conflict);
        await db.SaveChangesAsync();
        return conflict.Id;
    }
}
