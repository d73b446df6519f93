using System.Net;
using System.Net.Http.Json;
using AltPay.Data;
using AltPay.Web.Audit;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed class AuditPaymentTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task PaymentAndRefundAreAuditedOnce()
    {
        var partner = await app.CreatePartnerAsync("Audit Payments IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Audited Dental", 80.00m);

        using var first = await api.PayAsync(invoiceId, 30.00m, idempotencyKey: "audit-key-1");
        using var replay = await api.PayAsync(invoiceId, 30.00m, idempotencyKey: "audit-key-1");
        var paymentId = (await first.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>();
        using var refund = await api.PostAsync($"/api/v1/payments/{paymentId}/refund", null);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>().ForPartner(partner.Id);
        var actions = await db.AuditEntries.AsNoTracking().Select(entry => entry.Action).ToListAsync();
        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        Assert.Equal(1, actions.Count(action => action == AuditActions.PaymentRecorded));
        Assert.Equal(1, actions.Count(action => action == AuditActions.PaymentRefunded));
    }
}
