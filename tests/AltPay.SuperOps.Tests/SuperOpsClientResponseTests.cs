using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AltPay.SuperOps.Tests;

// Responses the sandbox never produces (invalid values, a paging loop) come from a stub HTTP handler in place
// of the remote server. Everything between the public method and the handler is the real client.
public sealed class SuperOpsClientResponseTests
{
    private const string InvoicePage = """
        {"data": {"getInvoiceList": {"invoices": [
          {"invoiceId": "11", "displayId": "A-1", "client": null, "invoiceDate": "2026-03-01", "dueDate": null,
           "statusEnum": "APPROVED", "totalAmount": "TOTAL", "paymentDate": null, "paymentMethod": null, "paymentReference": null}],
         "listInfo": {"page": 1, "pageSize": 100, "hasMore": HAS_MORE, "totalCount": 1}}}}
        """;

    [Fact]
    public async Task InvalidAmount_NamesOperationFieldAndValue()
    {
        var handler = new StubHandler(_ => InvoicePage.Replace("TOTAL", "12,50", StringComparison.Ordinal).Replace("HAS_MORE", "null", StringComparison.Ordinal));
        var client = CreateClient(handler);

        var exception = await Assert.ThrowsAsync<SuperOpsResponseException>(
            () => SuperOpsClientListingTests.ReadAllAsync(client.ListInvoicesAsync(new SuperOpsListing(), includePayments: false, CancellationToken.None)));

        Assert.Equal("getInvoiceList", exception.Operation);
        Assert.Equal("getInvoiceList.invoices[0].totalAmount", exception.Field);
        Assert.Equal("\"12,50\"", exception.Value);
        Assert.Equal("malformed_response", exception.Code);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task HasMoreOnEmptyPage_StopsListing()
    {
        var handler = new StubHandler(request => request["variables"]!["input"]!["page"]!.GetValue<int>() == 1
            ? InvoicePage.Replace("TOTAL", "10.00", StringComparison.Ordinal).Replace("HAS_MORE", "true", StringComparison.Ordinal)
            : """{"data": {"getInvoiceList": {"invoices": [], "listInfo": {"hasMore": true, "totalCount": 1}}}}""");
        var client = CreateClient(handler);
        var listing = new SuperOpsListing();

        var exception = await Assert.ThrowsAsync<SuperOpsResponseException>(
            () => SuperOpsClientListingTests.ReadAllAsync(client.ListInvoicesAsync(listing, includePayments: false, CancellationToken.None)));

        Assert.Equal("getInvoiceList.listInfo.hasMore", exception.Field);
        Assert.Equal(2, listing.Pages);
        Assert.False(listing.Complete);
    }

    [Fact]
    public async Task ListRequest_SendsHeadersAndPagingVariables()
    {
        var handler = new StubHandler(_ => InvoicePage.Replace("TOTAL", "10.00", StringComparison.Ordinal).Replace("HAS_MORE", "false", StringComparison.Ordinal));
        var client = CreateClient(handler);

        await SuperOpsClientListingTests.ReadAllAsync(client.ListInvoicesAsync(new SuperOpsListing(), includePayments: false, CancellationToken.None));

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("Bearer stub-token", sent.Authorization);
        Assert.Equal("stub-tenant", sent.Subdomain);
        Assert.Equal(new Uri("http://127.0.0.1:9/eu/msp"), sent.Uri);
        Assert.Equal(SuperOpsDocuments.GetInvoiceList, sent.Body["query"]!.GetValue<string>());
        Assert.Equal(
            """{"input":{"page":1,"pageSize":100,"sort":[{"attribute":"invoiceId","order":"ASC"}]}}""",
            sent.Body["variables"]!.ToJsonString());
    }

    [Fact]
    public async Task UpdateInvoice_SendsOnlyGivenFields()
    {
        var handler = new StubHandler(_ => """
            {"data": {"updateInvoice": {"invoiceId": "11", "displayId": "A-1", "client": null, "invoiceDate": "2026-03-01",
             "dueDate": null, "statusEnum": "APPROVED", "totalAmount": "10.00", "paymentDate": null, "paymentMethod": null, "paymentReference": null}}}
            """);
        var client = CreateClient(handler);

        await client.UpdateInvoiceAsync(new SuperOpsInvoiceUpdate("11", SuperOpsInvoiceStatus.Paid, new DateOnly(2026, 3, 14), "7", "AltPay payment 3"), CancellationToken.None);
        await client.UpdateInvoiceAsync(new SuperOpsInvoiceUpdate("11", SuperOpsInvoiceStatus.Approved, ClearPaymentFields: true), CancellationToken.None);

        Assert.Equal(
            """{"input":{"invoiceId":"11","statusEnum":"PAID","paymentDate":"2026-03-14","paymentMethod":{"paymentMethodId":"7"},"paymentReference":"AltPay payment 3"}}""",
            handler.Requests[0].Body["variables"]!.ToJsonString());
        Assert.Equal(
            """{"input":{"invoiceId":"11","statusEnum":"APPROVED","paymentDate":null,"paymentMethod":null,"paymentReference":null}}""",
            handler.Requests[1].Body["variables"]!.ToJsonString());
    }

    [Fact]
    public async Task UpdateInvoice_ClearAndSet_Throws()
    {
        var handler = new StubHandler(_ => "{}");
        var client = CreateClient(handler);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.UpdateInvoiceAsync(
            new SuperOpsInvoiceUpdate("11", PaymentReference: "x", ClearPaymentFields: true), CancellationToken.None));

        Assert.Contains("invoice 11", exception.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("forbidden", typeof(SuperOpsException))]
    [InlineData("subscription_trial_expired", typeof(SuperOpsException))]
    [InlineData("mandatory_validation_failed", typeof(SuperOpsValidationException))]
    [InlineData("referred_value_does_not_exist", typeof(SuperOpsValidationException))]
    [InlineData("entity_does_not_exist", typeof(SuperOpsNotFoundException))]
    public async Task ClientErrorCode_MapsToExceptionType(string code, Type expectedType)
    {
        var handler = new StubHandler(_ => $$$"""{"data": {}, "errors": [{"message": null, "extensions": {"clientError": [{"code": "{{{code}}}", "param": {}}]}}]}""");
        var client = CreateClient(handler);

        var exception = await Assert.ThrowsAnyAsync<SuperOpsException>(() => client.ListPaymentMethodsAsync(CancellationToken.None));

        Assert.Equal(expectedType, exception.GetType());
        Assert.Equal(code, exception.Code);
        Assert.Equal("getPaymentMethodList", exception.Operation);
        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, typeof(SuperOpsRateLimitException), "http_429")]
    [InlineData(HttpStatusCode.BadGateway, typeof(SuperOpsInternalException), "http_502")]
    [InlineData(HttpStatusCode.GatewayTimeout, typeof(SuperOpsInternalException), "http_504")]
    public async Task TransientStatus_RetriedThenThrows(HttpStatusCode status, Type expectedType, string expectedCode)
    {
        var handler = new StubHandler(_ => "{}", status);
        var client = CreateClient(handler, maxRetries: 2);

        var exception = await Assert.ThrowsAnyAsync<SuperOpsException>(() => client.ListPaymentMethodsAsync(CancellationToken.None));

        Assert.Equal(expectedType, exception.GetType());
        Assert.Equal(expectedCode, exception.Code);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, client.RequestsSent);
    }

    [Fact]
    public async Task CheckConnection_IntrospectionRejected_FallsBack()
    {
        var handler = new StubHandler(request => request["query"]!.GetValue<string>().Contains("__type", StringComparison.Ordinal)
            ? """{"errors": [{"message": "Introspection has been disabled for this request."}]}"""
            : """{"data": {"getPaymentMethodList": [{"paymentMethodId": "1"}]}}""");
        var client = CreateClient(handler);

        var capabilities = await client.CheckConnectionAsync(CancellationToken.None);

        Assert.False(capabilities.InvoicePayments);
        Assert.Equal(2, client.RequestsSent);
        Assert.Equal(SuperOpsDocuments.CheckConnectionWithoutIntrospection, handler.Requests[1].Body["query"]!.GetValue<string>());
    }

    private static SuperOpsClient CreateClient(StubHandler handler, int maxRetries = 0)
    {
        var options = new SuperOpsOptions
        {
            UsBaseUrl = new Uri("http://127.0.0.1:9/us/msp"),
            EuBaseUrl = new Uri("http://127.0.0.1:9/eu/msp"),
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
        };
        var transport = new SuperOpsTransport(new HttpClient(handler), new SuperOpsCredentials("stub-tenant", "stub-token", SuperOpsRegion.Eu),
            SuperOpsPriority.Background, options, new SuperOpsRateBudget(Options.Create(options), TimeProvider.System), TimeProvider.System, NullLogger.Instance);
        return new SuperOpsClient(transport, NullLogger.Instance);
    }

    private sealed record SentRequest(Uri? Uri, string? Authorization, string? Subdomain, JsonNode Body);

    private sealed class StubHandler(Func<JsonNode, string> respond, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        public List<SentRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
            Requests.Add(new SentRequest(
                request.RequestUri,
                request.Headers.Authorization?.ToString(),
                request.Headers.TryGetValues("CustomerSubDomain", out var values) ? values.Single() : null,
                body));
            return new HttpResponseMessage(status)
            {
                Content = new StringContent(respond(body), Encoding.UTF8, "application/json"),
            };
        }
    }
}
