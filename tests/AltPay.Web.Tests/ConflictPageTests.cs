using System.Net;
using System.Net.Http.Json;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.Web.Tests;

public sealed class ConflictPageTests(AltPayApp app) : IClassFixture<AltPayApp>
{
    [Fact]
    public async Task MarkResolvedMovesToResolvedFilter()
    {
        var partner = await app.CreatePartnerAsync("Conflict Page IT");
        using var api = app.CreateApiClient(partner.ApiKey);
        var invoiceId = await api.CreateAltPayInvoiceAsync("Conflict Dental", 250.50m);
        var conflictId = Guid.NewGuid();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AltPayDbContext>().ForPartner(partner.Id);
            db.Conflicts.Add(new Conflict
            {
                Id = conflictId,
                PartnerId = partner.Id,
                InvoiceId = Guid.Parse(invoiceId),
                DetectedAt = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero),
                Field = "dueDate",
                AltPayValue = "2026-12-31",
                SuperOpsValue = "2027-01-15",
            });
            await db.SaveChangesAsync();
        }

        using var browser = app.CreateBrowserClient();
        using (await browser.SignInAsync(partner.AdminEmail, partner.AdminPassword))
        {
        }

        var open = await browser.GetStringAsync("/Conflicts");
        var token = await browser.ReadAntiforgeryTokenAsync("/Conflicts");
        using var resolve = await browser.PostAsync("/Conflicts?handler=Resolve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["conflictId"] = conflictId.ToString(),
            ["__RequestVerificationToken"] = token,
        }));
        var openAfter = await browser.GetStringAsync("/Conflicts");
        var resolved = await browser.GetStringAsync("/Conflicts?resolved=true");

        Assert.Contains($"<a href=\"/Invoices/{invoiceId}\">AP-00001</a>", open);
        Assert.Contains("<td>dueDate</td>", open);
        Assert.Contains("<td>2026-12-31</td>", open);
        Assert.Contains("<td>2027-01-15</td>", open);
        Assert.Contains("2026-12-01 09:30 UTC", open);
        Assert.Contains(">Mark resolved</button>", open);
        Assert.Equal(HttpStatusCode.Redirect, resolve.StatusCode);
        Assert.Contains("No open conflicts", openAfter);
        Assert.Contains("<td>dueDate</td>", resolved);
        Assert.DoesNotContain(">Mark resolved</button>", resolved);
    }
}
