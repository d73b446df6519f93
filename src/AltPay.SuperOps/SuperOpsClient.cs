using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace AltPay.SuperOps;

/// <summary>
/// Typed access to one SuperOps tenant's GraphQL API. Create one per run with <see cref="SuperOpsClientFactory"/>:
/// <see cref="RequestsSent"/> counts every HTTP request of this instance, retries included.
/// </summary>
public sealed class SuperOpsClient
{
    /// <summary>Records per list page: the maximum SuperOps serves.</summary>
    public const int PageSize = 100;

    private readonly SuperOpsTransport _transport;
    private readonly ILogger _logger;

    internal SuperOpsClient(SuperOpsTransport transport, ILogger logger)
    {
        _transport = transport;
        _logger = logger;
    }

    public int RequestsSent => _transport.RequestsSent;

    /// <summary>
    /// Called when a request of this client waits for the token's rate budget, with the longest the wait
    /// lasts. It runs on the waiting request's thread, so it must be quick and thread-safe.
    /// </summary>
    public Action<TimeSpan>? RateBudgetWait
    {
        get => _transport.RateBudgetWait;
        set => _transport.RateBudgetWait = value;
    }

    /// <summary>
    /// Checks the token and subdomain with one live call and detects the assumed payments extension by
    /// introspecting <c>Invoice</c>. Sends a second request only when SuperOps rejects introspection.
    /// </summary>
    public async Task<SuperOpsCapabilities> CheckConnectionAsync(CancellationToken ct)
    {
        try
        {
            using var document = await _transport.SendAsync("checkConnection", SuperOpsDocuments.CheckConnection, null, null, isMutation: false, ct).ConfigureAwait(false);
            var type = Field(document, "__type");
            if (type.ValueKind != JsonValueKind.Object || !type.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array)
            {
                return new SuperOpsCapabilities(InvoicePayments: false);
            }

            var names = fields.EnumerateArray()
                .Select(field => field.TryGetProperty("name", out var name) ? name.GetString() : null)
                .ToHashSet(StringComparer.Ordinal);
            return new SuperOpsCapabilities(names.Contains("payments") && names.Contains("amountPaid") && names.Contains("balanceDue"));
        }
        catch (SuperOpsValidationException exception)
        {
            Log.IntrospectionUnavailable(_logger, exception.Code);
            using var fallback = await _transport.SendAsync("getPaymentMethodList", SuperOpsDocuments.CheckConnectionWithoutIntrospection, null, null, isMutation: false, ct).ConfigureAwait(false);
            return new SuperOpsCapabilities(InvoicePayments: false);
        }
    }

    public IAsyncEnumerable<IReadOnlyList<SuperOpsClientRecord>> ListClientsAsync(SuperOpsListing listing, CancellationToken ct) =>
        ListAsync(new ListSpec<SuperOpsClientRecord>("getClientList", SuperOpsDocuments.GetClientList, "clients", "accountId",
            SuperOpsRecordReader.ReadClient, client => client.AccountId), listing, ct);

    public IAsyncEnumerable<IReadOnlyList<SuperOpsInvoiceRecord>> ListInvoicesAsync(SuperOpsListing listing, bool includePayments, CancellationToken ct) =>
        ListAsync(new ListSpec<SuperOpsInvoiceRecord>("getInvoiceList",
            includePayments ? SuperOpsDocuments.GetInvoiceListWithPayments : SuperOpsDocuments.GetInvoiceList, "invoices", "invoiceId",
            (element, path) => SuperOpsRecordReader.ReadInvoice(element, path, includePayments), invoice => invoice.InvoiceId), listing, ct);

    public IAsyncEnumerable<IReadOnlyList<SuperOpsInvoiceLineRecord>> ListInvoiceLinesAsync(SuperOpsListing listing, CancellationToken ct) =>
        ListAsync(new ListSpec<SuperOpsInvoiceLineRecord>("getInvoiceItemList", SuperOpsDocuments.GetInvoiceItemList, "items", "itemId",
            SuperOpsRecordReader.ReadInvoiceLine, line => line.ItemId), listing, ct);

    /// <summary>Lists client ids only, for the deletion sweep.</summary>
    public IAsyncEnumerable<IReadOnlyList<string>> ListClientIdsAsync(SuperOpsListing listing, CancellationToken ct) =>
        ListAsync(new ListSpec<string>("getClientList", SuperOpsDocuments.GetClientIdList, "clients", "accountId",
            (element, path) => SuperOpsRecordReader.ReadIdOnly(element, "accountId", path), id => id), listing, ct);

    /// <summary>Lists invoice ids only, for the deletion sweep.</summary>
    public IAsyncEnumerable<IReadOnlyList<string>> ListInvoiceIdsAsync(SuperOpsListing listing, CancellationToken ct) =>
        ListAsync(new ListSpec<string>("getInvoiceList", SuperOpsDocuments.GetInvoiceIdList, "invoices", "invoiceId",
            (element, path) => SuperOpsRecordReader.ReadIdOnly(element, "invoiceId", path), id => id), listing, ct);

    /// <summary>Reads one client; null when SuperOps returns <c>entity_does_not_exist</c>.</summary>
    public async Task<SuperOpsClientRecord?> GetClientAsync(string accountId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        const string operation = "getClient";
        try
        {
            using var document = await _transport.SendAsync(operation, SuperOpsDocuments.GetClient,
                writer => WriteIdentifierInput(writer, "accountId", accountId), null, isMutation: false, ct).ConfigureAwait(false);
            var client = Field(document, operation);
            return client.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : ReadRecord(operation, () => SuperOpsRecordReader.ReadClient(client, operation));
        }
        catch (SuperOpsNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Reads one invoice; null when SuperOps returns <c>entity_does_not_exist</c>.</summary>
    public async Task<SuperOpsInvoiceRecord?> GetInvoiceAsync(string invoiceId, bool includePayments, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(invoiceId);
        const string operation = "getInvoice";
        try
        {
            using var document = await _transport.SendAsync(operation,
                includePayments ? SuperOpsDocuments.GetInvoiceWithPayments : SuperOpsDocuments.GetInvoice,
                writer => WriteIdentifierInput(writer, "invoiceId", invoiceId), null, isMutation: false, ct).ConfigureAwait(false);
            var invoice = Field(document, operation);
            return invoice.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
                ? null
                : ReadRecord(operation, () => SuperOpsRecordReader.ReadInvoice(invoice, operation, includePayments));
        }
        catch (SuperOpsNotFoundException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<SuperOpsPaymentMethod>> ListPaymentMethodsAsync(CancellationToken ct)
    {
        const string operation = "getPaymentMethodList";
        using var document = await _transport.SendAsync(operation, SuperOpsDocuments.GetPaymentMethodList, null, null, isMutation: false, ct).ConfigureAwait(false);
        var methods = Field(document, operation);
        if (methods.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return [];
        }

        if (methods.ValueKind != JsonValueKind.Array)
        {
            throw new SuperOpsResponseException(
                $"SuperOps returned an invalid value for {operation}: {methods.GetRawText()} is not a list.", operation, methods.GetRawText(), operation);
        }

        return ReadRecord(operation, () => methods.EnumerateArray()
            .Where(method => method.ValueKind != JsonValueKind.Null)
            .Select((method, index) => SuperOpsRecordReader.ReadPaymentMethod(method, $"{operation}[{index}]"))
            .ToList());
    }

    /// <summary>
    /// Sends <c>updateInvoice</c>. Throttles and failures to connect are retried, because SuperOps applied nothing.
    /// A timeout, dropped connection, internal error or HTTP 5xx after the request was sent throws
    /// <see cref="SuperOpsOutcomeUnknownException"/> without a retry: read the invoice back before sending again.
    /// </summary>
    public async Task<SuperOpsInvoiceRecord> UpdateInvoiceAsync(SuperOpsInvoiceUpdate update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        ValidateUpdate(update);
        const string operation = "updateInvoice";

        using var document = await _transport.SendAsync(operation, SuperOpsDocuments.UpdateInvoice,
            writer => WriteUpdateInput(writer, update), null, isMutation: true, ct).ConfigureAwait(false);
        var invoice = Field(document, operation);
        if (invoice.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            throw new SuperOpsNotFoundException(
                $"SuperOps updateInvoice returned no invoice for id {update.InvoiceId}; check that the invoice still exists in SuperOps.",
                "entity_does_not_exist", operation);
        }

        return ReadRecord(operation, () => SuperOpsRecordReader.ReadInvoice(invoice, operation, includePayments: false));
    }

    private async IAsyncEnumerable<IReadOnlyList<T>> ListAsync<T>(ListSpec<T> spec, SuperOpsListing listing, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(listing);
        listing.Pages = 0;
        listing.RecordsRead = 0;
        listing.DistinctIds = 0;
        listing.TotalCountAtStart = null;
        listing.TotalCountAtEnd = null;
        listing.Complete = false;

        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var result = await ReadPageAsync(spec, page, ct).ConfigureAwait(false);

            listing.Pages = page;
            listing.RecordsRead += result.Records.Count;
            listing.TotalCountAtStart ??= result.TotalCount;
            listing.TotalCountAtEnd = result.TotalCount;
            foreach (var record in result.Records)
            {
                seenIds.Add(spec.IdOf(record));
            }

            listing.DistinctIds = seenIds.Count;

            var isLastPage = result.HasMore != true;
            if (!isLastPage && result.Records.Count == 0)
            {
                // Paging would never end: SuperOps reported more records but sent none.
                throw new SuperOpsResponseException(
                    $"SuperOps {spec.Operation} page {page} has no records but hasMore is true; the listing cannot continue. Try the refresh again later.",
                    $"{spec.Operation}.listInfo.hasMore", "true", spec.Operation);
            }

            if (isLastPage)
            {
                listing.Complete = listing.TotalCountAtStart is { } start
                    && listing.TotalCountAtEnd == start
                    && listing.DistinctIds == start;
                Log.ListingFinished(_logger, spec.Operation, listing.Pages, listing.RecordsRead, listing.DistinctIds,
                    listing.TotalCountAtStart, listing.TotalCountAtEnd, listing.Complete);
            }

            yield return result.Records;

            if (isLastPage)
            {
                yield break;
            }
        }
    }

    private async Task<PageResult<T>> ReadPageAsync<T>(ListSpec<T> spec, int page, CancellationToken ct)
    {
        using var document = await _transport.SendAsync(spec.Operation, spec.Document,
            writer => WriteListInput(writer, page, spec.SortAttribute), page, isMutation: false, ct).ConfigureAwait(false);

        return ReadRecord(spec.Operation, () =>
        {
            var list = Field(document, spec.Operation);
            if (list.ValueKind != JsonValueKind.Object)
            {
                throw new SuperOpsResponseException(
                    $"SuperOps {spec.Operation} page {page} returned no list object; try the refresh again later.",
                    spec.Operation, list.ValueKind == JsonValueKind.Undefined ? null : list.GetRawText());
            }

            var records = new List<T>(PageSize);
            if (list.TryGetProperty(spec.ListField, out var items) && items.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in items.EnumerateArray())
                {
                    var path = $"{spec.Operation}.{spec.ListField}[{index++}]";
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        throw new SuperOpsResponseException(
                            $"SuperOps returned an invalid value for {path}: {item.GetRawText()} is not an object.", path, item.GetRawText());
                    }

                    records.Add(spec.Read(item, path));
                }
            }

            bool? hasMore = null;
            int? totalCount = null;
            if (list.TryGetProperty("listInfo", out var listInfo) && listInfo.ValueKind == JsonValueKind.Object)
            {
                if (listInfo.TryGetProperty("hasMore", out var more) && more.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    hasMore = more.GetBoolean();
                }

                if (listInfo.TryGetProperty("totalCount", out var total) && total.ValueKind == JsonValueKind.Number)
                {
                    totalCount = total.TryGetInt32(out var count)
                        ? count
                        : throw new SuperOpsResponseException(
                            $"SuperOps returned an invalid value for {spec.Operation}.listInfo.totalCount: {total.GetRawText()} is not a whole number.",
                            $"{spec.Operation}.listInfo.totalCount", total.GetRawText());
                }
            }

            return new PageResult<T>(records, hasMore, totalCount);
        });
    }

    // The transport already checked that data is an object; a missing field reads as null.
    private static JsonElement Field(JsonDocument document, string name) =>
        document.RootElement.GetProperty("data").TryGetProperty(name, out var value) ? value : default;

    // Adds the operation to a malformed-value error raised while reading records.
    private static TResult ReadRecord<TResult>(string operation, Func<TResult> read)
    {
        try
        {
            return read();
        }
        catch (SuperOpsResponseException exception) when (exception.Operation is null)
        {
            throw new SuperOpsResponseException(exception.Message, exception.Field, exception.Value, operation, exception);
        }
    }

    private static void WriteListInput(Utf8JsonWriter writer, int page, string sortAttribute)
    {
        writer.WriteStartObject("input");
        writer.WriteNumber("page", page);
        writer.WriteNumber("pageSize", PageSize);
        writer.WriteStartArray("sort");
        writer.WriteStartObject();
        writer.WriteString("attribute", sortAttribute);
        writer.WriteString("order", "ASC");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteIdentifierInput(Utf8JsonWriter writer, string idField, string id)
    {
        writer.WriteStartObject("input");
        writer.WriteString(idField, id);
        writer.WriteEndObject();
    }

    private static void ValidateUpdate(SuperOpsInvoiceUpdate update)
    {
        ArgumentException.ThrowIfNullOrEmpty(update.InvoiceId, nameof(update));
        if (update.ClearPaymentFields && (update.PaymentDate is not null || update.PaymentMethodId is not null || update.PaymentReference is not null))
        {
            throw new ArgumentException(
                $"The update of invoice {update.InvoiceId} both clears and sets payment fields; set ClearPaymentFields or the payment values, not both.",
                nameof(update));
        }

        if (update.PaymentReference is { Length: > 255 } reference)
        {
            throw new ArgumentException(
                $"The payment reference of invoice {update.InvoiceId} has {reference.Length} characters; SuperOps accepts at most 255.",
                nameof(update));
        }
    }

    private static void WriteUpdateInput(Utf8JsonWriter writer, SuperOpsInvoiceUpdate update)
    {
        writer.WriteStartObject("input");
        writer.WriteString("invoiceId", update.InvoiceId);
        if (update.Status is { } status)
        {
            writer.WriteString("statusEnum", SuperOpsRecordReader.ToGraphQLStatus(status));
        }

        if (update.ClearPaymentFields)
        {
            // SuperOps clears an attribute that is sent as null.
            writer.WriteNull("paymentDate");
            writer.WriteNull("paymentMethod");
            writer.WriteNull("paymentReference");
        }
        else
        {
            if (update.PaymentDate is { } paymentDate)
            {
                writer.WriteString("paymentDate", paymentDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (update.PaymentMethodId is { } paymentMethodId)
            {
                writer.WriteStartObject("paymentMethod");
                writer.WriteString("paymentMethodId", paymentMethodId);
                writer.WriteEndObject();
            }

            if (update.PaymentReference is { } paymentReference)
            {
                writer.WriteString("paymentReference", paymentReference);
            }
        }

        writer.WriteEndObject();
    }

    private sealed record ListSpec<T>(
        string Operation,
        string Document,
        string ListField,
        string SortAttribute,
        Func<JsonElement, string, T> Read,
        Func<T, string> IdOf);

    private sealed record PageResult<T>(List<T> Records, bool? HasMore, int? TotalCount);
}
