using System.Net;

namespace SuperOps.Sandbox.Tests;

/// <summary>Each fault kind of the admin settings, matched by operation and page.</summary>
public sealed class FaultTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string ListQuery =
        "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { invoiceId } listInfo { totalCount } } }";

    private static string ListBody(int page) => JsonSerializer.Serialize(new { query = ListQuery, variables = new { input = new { page, pageSize = 10 } } });

    [Fact]
    public async Task RateLimitFault_AnswersThrottledThenRecovers()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(2, 2, 1, 1));
        await api.PutSettingsAsync(new { faults = new[] { new { kind = "rate_limit", operation = "getInvoiceList", times = 1 } } });

        using var faulted = await api.PostRawAsync(ListBody(1));
        using var next = await api.PostRawAsync(ListBody(1));

        Assert.Equal(HttpStatusCode.OK, faulted.StatusCode);
        Assert.Equal(
            """{"errors":[{"message":"API limit reached","extensions":{"clientError":[{"code":"rate_limit_exceeded"}]}}]}""",
            await faulted.Content.ReadAsStringAsync());
        Assert.StartsWith("""{"data":""", await next.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InternalErrorFault_OnMatchingPageOnly()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(5, 5, 1, 1));
        await api.PutSettingsAsync(new { faults = new[] { new { kind = "internal_error", operation = "getInvoiceList", page = 2 } } });

        using var page1 = await api.PostRawAsync(ListBody(1));
        using var page2 = await api.PostRawAsync(ListBody(2));
        using var page2Again = await api.PostRawAsync(ListBody(2));

        Assert.StartsWith("""{"data":{"getInvoiceList":""", await page1.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page2.StatusCode);
        Assert.Equal("""{"data":null,"errors":[{"message":"Internal Server Error(s) while executing query"}]}""", await page2.Content.ReadAsStringAsync());
        Assert.Equal("""{"data":null,"errors":[{"message":"Internal Server Error(s) while executing query"}]}""", await page2Again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Http500Fault_AnswersStatus500AndAppliesNothing()
    {
        var api = await fixture.NewTenantAsync();
        var (invoiceId, body) = await PaidMutationAsync(api);
        await api.PutSettingsAsync(new { faults = new[] { new { kind = "http_500", operation = "updateInvoice", times = 1 } } });

        using var response = await api.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("APPROVED", await StatusAsync(api, invoiceId));
    }

    [Fact]
    public async Task UnauthorizedFault_Answers401()
    {
        var api = await fixture.NewTenantAsync();
        await api.PutSettingsAsync(new { faults = new[] { new { kind = "unauthorized", times = 2 } } });

        using var first = await api.PostRawAsync("""{"query":"{ __typename }"}""");
        using var second = await api.PostRawAsync("""{"query":"{ __typename }"}""");
        using var third = await api.PostRawAsync("""{"query":"{ __typename }"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal("""{"message":"The API token used is invalid or deleted."}""", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task TimeoutFault_HoldsResponseUntilClientAborts()
    {
        var api = await fixture.NewTenantAsync();
        var (invoiceId, body) = await PaidMutationAsync(api);
        await api.PutSettingsAsync(new { faults = new[] { new { kind = "timeout", operation = "updateInvoice", times = 1 } } });

        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.PostRawAsync(body, abort.Token));

        Assert.Equal("APPROVED", await StatusAsync(api, invoiceId));
    }

    [Fact]
    public async Task TimeoutFault_Answers504AfterDelay()
    {
        await using var host = await SandboxHost.StartAsync(configure: options => options.TimeoutFaultDelay = TimeSpan.FromMilliseconds(50));
        var api = await SandboxApi.CreateAsync(host, fixture.Http, null, "us", false);
        await api.PutSettingsAsync(new { faults = new[] { new { kind = "timeout", times = 1 } } });

        using var response = await api.PostRawAsync("""{"query":"{ __typename }"}""");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task CommitThenDrop_AppliesThenAborts()
    {
        var api = await fixture.NewTenantAsync();
        var (invoiceId, body) = await PaidMutationAsync(api);
        await api.PutSettingsAsync(new { faults = new[] { new { kind = "commit_then_drop", operation = "updateInvoice", times = 1 } } });

        await Assert.ThrowsAsync<HttpRequestException>(() => api.PostRawAsync(body));

        Assert.Equal("PAID", await StatusAsync(api, invoiceId));
        var counters = await api.AdminAsync(HttpMethod.Get, "requests");
        Assert.Equal(1, counters["byOperation"]!["updateInvoice"]!.GetValue<int>());
    }

    [Fact]
    public async Task ProbabilityFault_FiresOnSomeRequestsOnly()
    {
        var api = await fixture.NewTenantAsync(new SandboxSeed(1, 1, 1, RandomSeed: 42));
        await api.PutSettingsAsync(new { faults = new[] { new { kind = "internal_error", probability = 0.5 } } });
        var failures = 0;

        for (var i = 0; i < 40; i++)
        {
            using var response = await api.PostRawAsync("""{"query":"{ __typename }"}""");
            if ((await response.Content.ReadAsStringAsync()).Contains("Internal Server Error", StringComparison.Ordinal))
            {
                failures++;
            }
        }

        Assert.InRange(failures, 5, 35);
    }

    [Fact]
    public async Task InvalidFaultKind_IsProblemNamingField()
    {
        var api = await fixture.NewTenantAsync();

        var problem = await api.AdminAsync(HttpMethod.Put, "settings", new { faults = new[] { new { kind = "meteor" } } }, HttpStatusCode.BadRequest);

        Assert.Contains("faults[0].kind", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    private static async Task<(string InvoiceId, string Body)> PaidMutationAsync(SandboxApi api)
    {
        var client = (await api.AddClientAsync("Fault Co"))["accountId"]!.GetValue<string>();
        var invoiceId = (await api.AddInvoiceAsync(client, "2026-03-01", "2026-03-31", "APPROVED", ("Support", "1", "99.00")))["invoiceId"]!.GetValue<string>();
        var body = JsonSerializer.Serialize(new
        {
            query = "mutation updateInvoice($input: UpdateInvoiceInput!) { updateInvoice(input: $input) { invoiceId statusEnum } }",
            variables = new { input = new { invoiceId, statusEnum = "PAID", paymentDate = "2026-03-14" } },
        });
        return (invoiceId, body);
    }

    private static async Task<string> StatusAsync(SandboxApi api, string invoiceId)
    {
        await api.PutSettingsAsync(new { faults = Array.Empty<object>() });
        var invoice = await api.DataAsync(
            "query getInvoice($input: InvoiceIdentifierInput!) { getInvoice(input: $input) { statusEnum } }",
            new { input = new { invoiceId } });
        return invoice["statusEnum"]!.GetValue<string>();
    }
}
