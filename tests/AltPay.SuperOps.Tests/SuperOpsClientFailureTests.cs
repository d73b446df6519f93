using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace AltPay.SuperOps.Tests;

public sealed class SuperOpsClientFailureTests
{
    [Fact]
    public async Task WrongToken_ThrowsAuthenticationWithoutRetry()
    {
        await using var host = await SandboxTestHost.StartAsync();
        var client = host.CreateClient(token: "not-the-token-5521");

        var exception = await Assert.ThrowsAsync<SuperOpsAuthenticationException>(() => client.CheckConnectionAsync(CancellationToken.None));

        Assert.Equal("http_401", exception.Code);
        Assert.Equal("checkConnection", exception.Operation);
        Assert.DoesNotContain("not-the-token-5521", exception.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, client.RequestsSent);
    }

    [Fact]
    public async Task TokenRevokedMidListing_ThrowsAuthentication()
    {
        await using var host = await SandboxTestHost.StartAsync(clients: 25, invoicesPerClient: 10);
        await host.SetFaultAsync("unauthorized", "getInvoiceList", page: 2, times: 1);
        var client = host.CreateClient();
        var listing = new SuperOpsListing();

        var exception = await Assert.ThrowsAsync<SuperOpsAuthenticationException>(
            () => SuperOpsClientListingTests.ReadAllAsync(client.ListInvoicesAsync(listing, includePayments: false, CancellationToken.None)));

        Assert.Equal("getInvoiceList", exception.Operation);
        Assert.Equal(2, client.RequestsSent);
        Assert.Equal(1, listing.Pages);
        Assert.False(listing.Complete);
    }

    [Fact]
    public async Task UnknownSubdomain_ThrowsSubdomainException()
    {
        await using var host = await SandboxTestHost.StartAsync();
        var client = host.CreateClient(subdomain: "nobody-here");

        var exception = await Assert.ThrowsAsync<SuperOpsSubdomainException>(() => client.CheckConnectionAsync(CancellationToken.None));

        Assert.Equal("http_400", exception.Code);
        Assert.Contains("'nobody-here'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, client.RequestsSent);
    }

    [Fact]
    public async Task WrongRegion_ThrowsSubdomainException()
    {
        await using var host = await SandboxTestHost.StartAsync();
        var client = host.CreateClient(region: SuperOpsRegion.Eu);

        var exception = await Assert.ThrowsAsync<SuperOpsSubdomainException>(() => client.CheckConnectionAsync(CancellationToken.None));

        Assert.Contains("EU data centre", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, client.RequestsSent);
    }

    [Theory]
    [InlineData("internal_error")]
    [InlineData("rate_limit")]
    [InlineData("http_500")]
    public async Task FaultOnPageTwo_IsRetriedToSuccess(string kind)
    {
        await using var host = await SandboxTestHost.StartAsync(clients: 25, invoicesPerClient: 10);
        await host.SetFaultAsync(kind, "getInvoiceList", page: 2, times: 2);
        var client = host.CreateClient();
        var listing = new SuperOpsListing();

        var pages = await SuperOpsClientListingTests.ReadAllAsync(client.ListInvoicesAsync(listing, includePayments: false, CancellationToken.None));

        Assert.Equal([100, 100, 50], pages.Select(page => page.Count));
        Assert.True(listing.Complete);
        Assert.Equal(5, client.RequestsSent);
        Assert.Equal(2, host.Logs.Lines.Count(line => line.StartsWith("Warning SuperOpsRetry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task InternalErrorEveryAttempt_ThrowsInternal()
    {
        await using var host = await SandboxTestHost.StartAsync(settings: values => values["AltPay:SuperOps:MaxRetries"] = "2");
        await host.SetFaultAsync("internal_error", "getInvoiceList", page: 1, times: 10);
        var client = host.CreateClient();

        var exception = await Assert.ThrowsAsync<SuperOpsInternalException>(
            () => SuperOpsClientListingTests.ReadAllAsync(client.ListInvoicesAsync(new SuperOpsListing(), includePayments: false, CancellationToken.None)));

        Assert.Equal("internal_error", exception.Code);
        Assert.Equal("getInvoiceList", exception.Operation);
        Assert.Equal(3, client.RequestsSent);
        Assert.Contains(host.Logs.Lines, line => line.StartsWith("Error SuperOpsRequestFailed", StringComparison.Ordinal)
            && line.Contains("failed after 3 attempts with internal_error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RateLimitEveryAttempt_ThrowsRateLimit()
    {
        await using var host = await SandboxTestHost.StartAsync(settings: values => values["AltPay:SuperOps:MaxRetries"] = "1");
        await host.SetFaultAsync("rate_limit", "getClientList", page: 1, times: 10);
        var client = host.CreateClient();

        var exception = await Assert.ThrowsAsync<SuperOpsRateLimitException>(
            () => SuperOpsClientListingTests.ReadAllAsync(client.ListClientsAsync(new SuperOpsListing(), CancellationToken.None)));

        Assert.Equal("rate_limit_exceeded", exception.Code);
        Assert.Equal(2, client.RequestsSent);
    }

    [Fact]
    public async Task TimeoutOnPageTwo_IsRetriedToSuccess()
    {
        await using var host = await SandboxTestHost.StartAsync(
            clients: 25,
            invoicesPerClient: 10,
            // Long enough that an ordinary request on a loaded two-core CI machine never hits it.
            settings: values => values["AltPay:SuperOps:RequestTimeout"] = "00:00:03",
            sandboxOptions: options => options.TimeoutFaultDelay = TimeSpan.FromSeconds(20));
        await host.SetFaultAsync("timeout", "getInvoiceList", page: 2, times: 1);
        var client = host.CreateClient();
        var listing = new SuperOpsListing();

        var pages = await SuperOpsClientListingTests.ReadAllAsync(client.ListInvoicesAsync(listing, includePayments: false, CancellationToken.None));

        Assert.Equal([100, 100, 50], pages.Select(page => page.Count));
        Assert.Equal(4, client.RequestsSent);
        Assert.Contains(host.Logs.Lines, line => line.StartsWith("Warning SuperOpsRetry", StringComparison.Ordinal) && line.Contains("with timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateInvoice_CommitThenDrop_OutcomeUnknown()
    {
        await using var host = await SandboxTestHost.StartAsync();
        var client = host.CreateClient(priority: SuperOpsPriority.WriteBack);
        var invoice = await FirstOpenInvoiceAsync(client);
        var method = (await client.ListPaymentMethodsAsync(CancellationToken.None))[0];
        await host.SetFaultAsync("commit_then_drop", "updateInvoice");
        var sentBefore = client.RequestsSent;

        var exception = await Assert.ThrowsAsync<SuperOpsOutcomeUnknownException>(() => client.UpdateInvoiceAsync(
            new SuperOpsInvoiceUpdate(invoice.InvoiceId, SuperOpsInvoiceStatus.Paid, new DateOnly(2026, 3, 14), method.PaymentMethodId, "AltPay payment 17"),
            CancellationToken.None));

        Assert.Equal("connection_dropped", exception.Code);
        Assert.Equal(1, client.RequestsSent - sentBefore);
        var stored = await host.AdminInvoiceAsync(invoice.InvoiceId);
        Assert.Equal("PAID", stored["statusEnum"]!.GetValue<string>());
        Assert.Equal("2026-03-14", stored["paymentDate"]!.GetValue<string>());
        Assert.Equal("AltPay payment 17", stored["paymentReference"]!.GetValue<string>());
        var readBack = await client.GetInvoiceAsync(invoice.InvoiceId, includePayments: false, CancellationToken.None);
        Assert.Equal(SuperOpsInvoiceStatus.Paid, readBack!.Status);
        Assert.Equal(method.PaymentMethodId, readBack.PaymentMethodId);
    }

    [Theory]
    [InlineData("http_500", "http_500")]
    [InlineData("internal_error", "internal_error")]
    public async Task UpdateInvoice_ServerFailure_OutcomeUnknown(string kind, string expectedCode)
    {
        // A host-wide standard resilience handler would resend the mutation; the client must opt out of it.
        await using var host = await SandboxTestHost.StartAsync(services: services =>
            services.ConfigureHttpClientDefaults(builder => builder.AddStandardResilienceHandler()));
        var client = host.CreateClient(priority: SuperOpsPriority.WriteBack);
        var invoice = await FirstOpenInvoiceAsync(client);
        await host.SetFaultAsync(kind, "updateInvoice");
        var sentBefore = client.RequestsSent;

        var exception = await Assert.ThrowsAsync<SuperOpsOutcomeUnknownException>(() => client.UpdateInvoiceAsync(
            new SuperOpsInvoiceUpdate(invoice.InvoiceId, SuperOpsInvoiceStatus.Paid, new DateOnly(2026, 3, 14)), CancellationToken.None));

        Assert.Equal(expectedCode, exception.Code);
        Assert.Equal(1, client.RequestsSent - sentBefore);
        Assert.Equal(1, await host.RequestCountAsync("updateInvoice"));
    }

    [Fact]
    public async Task UpdateInvoice_Throttled_IsRetriedAndApplied()
    {
        await using var host = await SandboxTestHost.StartAsync();
        var client = host.CreateClient(priority: SuperOpsPriority.WriteBack);
        var invoice = await FirstOpenInvoiceAsync(client);
        await host.SetFaultAsync("rate_limit", "updateInvoice");
        var sentBefore = client.RequestsSent;

        var updated = await client.UpdateInvoiceAsync(
            new SuperOpsInvoiceUpdate(invoice.InvoiceId, SuperOpsInvoiceStatus.Paid, new DateOnly(2026, 3, 14), PaymentReference: "AltPay payment 18"),
            CancellationToken.None);

        Assert.Equal(SuperOpsInvoiceStatus.Paid, updated.Status);
        Assert.Equal(new DateOnly(2026, 3, 14), updated.PaymentDate);
        Assert.Equal("AltPay payment 18", updated.PaymentReference);
        Assert.Equal(2, client.RequestsSent - sentBefore);
    }

    [Fact]
    public async Task UpdateInvoice_ClearPaymentFields_ReopensInvoice()
    {
        await using var host = await SandboxTestHost.StartAsync();
        var client = host.CreateClient(priority: SuperOpsPriority.WriteBack);
        var invoice = await FirstOpenInvoiceAsync(client);
        await client.UpdateInvoiceAsync(
            new SuperOpsInvoiceUpdate(invoice.InvoiceId, SuperOpsInvoiceStatus.Paid, new DateOnly(2026, 3, 14), PaymentReference: "AltPay payment 19"),
            CancellationToken.None);

        var reopened = await client.UpdateInvoiceAsync(
            new SuperOpsInvoiceUpdate(invoice.InvoiceId, SuperOpsInvoiceStatus.Approved, ClearPaymentFields: true), CancellationToken.None);

        Assert.Contains(reopened.Status, new[] { SuperOpsInvoiceStatus.Approved, SuperOpsInvoiceStatus.Overdue });
        Assert.Null(reopened.PaymentDate);
        Assert.Null(reopened.PaymentReference);
        Assert.Null(reopened.PaymentMethodId);
    }

    [Fact]
    public async Task UpdateInvoice_UnknownInvoice_ThrowsNotFound()
    {
        await using var host = await SandboxTestHost.StartAsync();
        var client = host.CreateClient(priority: SuperOpsPriority.WriteBack);

        var exception = await Assert.ThrowsAsync<SuperOpsNotFoundException>(() => client.UpdateInvoiceAsync(
            new SuperOpsInvoiceUpdate("1000000000000000001", SuperOpsInvoiceStatus.Paid), CancellationToken.None));

        Assert.Equal("entity_does_not_exist", exception.Code);
        Assert.Equal(1, client.RequestsSent);
    }

    [Fact]
    public async Task PaymentsOnDocumentedSchema_ThrowsValidation()
    {
        await using var host = await SandboxTestHost.StartAsync(documentedSchemaOnly: true);
        var client = host.CreateClient();

        var exception = await Assert.ThrowsAsync<SuperOpsValidationException>(
            () => SuperOpsClientListingTests.ReadAllAsync(client.ListInvoicesAsync(new SuperOpsListing(), includePayments: true, CancellationToken.None)));

        Assert.Equal("graphql_validation", exception.Code);
        Assert.Contains("on type 'Invoice'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, client.RequestsSent);
    }

    [Fact]
    public async Task ClosedPort_ThrowsUnavailable()
    {
        var port = UnusedLoopbackPort();
        await using var host = await SandboxTestHost.StartAsync(settings: values =>
        {
            values["AltPay:SuperOps:UsBaseUrl"] = $"http://127.0.0.1:{port}/us/msp";
            values["AltPay:SuperOps:MaxRetries"] = "1";
        });
        var client = host.CreateClient();

        var exception = await Assert.ThrowsAsync<SuperOpsUnavailableException>(() => client.CheckConnectionAsync(CancellationToken.None));

        Assert.Equal("connection_failed", exception.Code);
        Assert.Equal(2, client.RequestsSent);
    }

    [Fact]
    public async Task Token_NeverInLogsOrExceptions()
    {
        await using var host = await SandboxTestHost.StartAsync(settings: values => values["AltPay:SuperOps:MaxRetries"] = "1");
        await host.SetFaultAsync("internal_error", "getInvoiceList", page: 1, times: 5);
        var client = host.CreateClient();
        var badToken = host.CreateClient(token: "wrong-token-8812");
        var messages = new List<string>();

        messages.Add((await Assert.ThrowsAsync<SuperOpsInternalException>(
            () => SuperOpsClientListingTests.ReadAllAsync(client.ListInvoicesAsync(new SuperOpsListing(), includePayments: false, CancellationToken.None)))).ToString());
        messages.Add((await Assert.ThrowsAsync<SuperOpsAuthenticationException>(() => badToken.CheckConnectionAsync(CancellationToken.None))).ToString());
        messages.Add(new SuperOpsCredentials(SandboxTestHost.Subdomain, SandboxTestHost.Token, SuperOpsRegion.Us).ToString());

        Assert.NotEmpty(host.Logs.Lines);
        Assert.All(messages.Concat(host.Logs.Lines), text =>
        {
            Assert.DoesNotContain(SandboxTestHost.Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-token-8812", text, StringComparison.Ordinal);
        });
    }

    private static async Task<SuperOpsInvoiceRecord> FirstOpenInvoiceAsync(SuperOpsClient client)
    {
        await foreach (var page in client.ListInvoicesAsync(new SuperOpsListing(), includePayments: false, CancellationToken.None))
        {
            if (page.FirstOrDefault(invoice => invoice.Status is SuperOpsInvoiceStatus.Approved or SuperOpsInvoiceStatus.Overdue) is { } open)
            {
                return open;
            }
        }

        throw new InvalidOperationException("The seeded tenant has no open invoice; raise the seed counts.");
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
