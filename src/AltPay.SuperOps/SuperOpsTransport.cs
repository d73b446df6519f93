using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace AltPay.SuperOps;

/// <summary>
/// Sends one GraphQL operation for one tenant: rate budget, headers, per-attempt timeout, retries, and the
/// mapping of HTTP statuses and SuperOps error envelopes to typed exceptions.
/// </summary>
internal sealed class SuperOpsTransport
{
    private static readonly ResiliencePropertyKey<string> OperationKey = new("AltPay.SuperOps.Operation");
    private static readonly ResiliencePropertyKey<int?> PageKey = new("AltPay.SuperOps.Page");

    // SuperOps clientError codes that reject the input itself; sending it again cannot succeed.
    private static readonly HashSet<string> ValidationCodes = new(StringComparer.Ordinal)
    {
        "type_validation_failed",
        "mandatory_validation_failed",
        "value_length_exceeds_limit",
        "referred_value_does_not_exist",
        "value_pattern_validation_failed",
        "dependent_validation_failed",
        "unique_validation_failed",
    };

    private readonly HttpClient _http;
    private readonly SuperOpsCredentials _credentials;
    private readonly Uri _endpoint;
    private readonly SuperOpsPriority _priority;
    private readonly SuperOpsOptions _options;
    private readonly SuperOpsRateBudget _budget;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private int _requestsSent;

    public SuperOpsTransport(HttpClient http, SuperOpsCredentials credentials, SuperOpsPriority priority, SuperOpsOptions options,
        SuperOpsRateBudget budget, TimeProvider timeProvider, ILogger logger)
    {
        _http = http;
        _credentials = credentials;
        _endpoint = credentials.Region == SuperOpsRegion.Eu ? options.EuBaseUrl : options.UsBaseUrl;
        _priority = priority;
        _options = options;
        _budget = budget;
        _timeProvider = timeProvider;
        _logger = logger;
        _pipeline = BuildPipeline();
    }

    public int RequestsSent => Volatile.Read(ref _requestsSent);

    public Action<TimeSpan>? RateBudgetWait { get; set; }

    /// <summary>Sends the operation, retrying transient failures, and returns the response whose <c>data</c> is usable.</summary>
    /// <param name="writeVariables">Writes the properties of the <c>variables</c> object; null sends no variables.</param>
    /// <param name="page">List page, for log lines only.</param>
    public async Task<JsonDocument> SendAsync(string operation, string document, Action<Utf8JsonWriter>? writeVariables, int? page,
        bool isMutation, CancellationToken ct)
    {
        var body = WriteBody(document, writeVariables);
        var attempts = 0;
        var context = ResilienceContextPool.Shared.Get(operation, ct);
        context.Properties.Set(OperationKey, operation);
        context.Properties.Set(PageKey, page);

        try
        {
            return await _pipeline.ExecuteAsync(
                async ctx =>
                {
                    attempts++;
                    return await SendOnceAsync(operation, body, isMutation, ctx.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        catch (SuperOpsException exception) when (exception is not SuperOpsNotFoundException)
        {
            Log.RequestFailed(_logger, operation, page, attempts, exception.Code);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ResiliencePipeline BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _timeProvider };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is
                    SuperOpsRateLimitException or SuperOpsInternalException or SuperOpsUnavailableException),
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.RetryMaxDelay,
                OnRetry = args =>
                {
                    var code = (args.Outcome.Exception as SuperOpsException)?.Code;
                    args.Context.Properties.TryGetValue(OperationKey, out var operation);
                    args.Context.Properties.TryGetValue(PageKey, out var page);
                    Log.Retrying(_logger, operation ?? "unknown", page, args.AttemptNumber + 1, code, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private async ValueTask<JsonDocument> SendOnceAsync(string operation, byte[] body, bool isMutation, CancellationToken ct)
    {
        // Waiting for the budget happens before the request exists, so it neither sends anything nor uses up the timeout.
        await _budget.AcquireAsync(_credentials.ApiToken, _priority, ct, RateBudgetWait).ConfigureAwait(false);

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _credentials.ApiToken);
        request.Headers.TryAddWithoutValidation("CustomerSubDomain", _credentials.Subdomain);

        Interlocked.Increment(ref _requestsSent);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw StatusFailure(response.StatusCode, operation, isMutation);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            var document = await JsonDocument.ParseAsync(stream, default, linked.Token).ConfigureAwait(false);
            try
            {
                CheckEnvelope(document, operation, isMutation);
                return document;
            }
            catch
            {
                document.Dispose();
                throw;
            }
        }
        catch (OperationCanceledException exception) when (!ct.IsCancellationRequested)
        {
            var seconds = _options.RequestTimeout.TotalSeconds;
            throw isMutation
                ? new SuperOpsOutcomeUnknownException(
                    $"SuperOps {operation} timed out after {seconds:0.###} s, so it is unknown whether the change was applied. Read the record back before sending it again.",
                    "timeout", operation, exception)
                : new SuperOpsUnavailableException(
                    $"SuperOps {operation} timed out after {seconds:0.###} s. Check that SuperOps is up and try again later.",
                    "timeout", operation, exception);
        }
        catch (HttpRequestException exception) when (IsConnectFailure(exception))
        {
            throw new SuperOpsUnavailableException(
                $"SuperOps could not be reached at {_endpoint.Host} for {operation} ({exception.HttpRequestError}). Check the network and the SuperOps base URL setting, then try again.",
                "connection_failed", operation, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw isMutation
                ? new SuperOpsOutcomeUnknownException(
                    $"The connection to SuperOps dropped during {operation}, so it is unknown whether the change was applied. Read the record back before sending it again.",
                    "connection_dropped", operation, exception)
                : new SuperOpsUnavailableException(
                    $"The connection to SuperOps dropped during {operation}. Try again later.",
                    "connection_dropped", operation, exception);
        }
        catch (JsonException exception)
        {
            throw isMutation
                ? new SuperOpsOutcomeUnknownException(
                    $"SuperOps returned a body that is not JSON for {operation}, so it is unknown whether the change was applied. Read the record back before sending it again.",
                    "malformed_response", operation, exception)
                : new SuperOpsResponseException(
                    $"SuperOps returned a body that is not JSON for {operation} ({exception.Message}). Try again later.",
                    "body", null, operation, exception);
        }
    }

    // Failures where no connection was made, so SuperOps cannot have received the request.
    private static bool IsConnectFailure(HttpRequestException exception)
    {
        if (exception.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return true;
        }

        return exception.HttpRequestError == HttpRequestError.ConnectionError
            && exception.InnerException is SocketException
            {
                SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                    or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable,
            };
    }

    private SuperOpsException StatusFailure(HttpStatusCode status, string operation, bool isMutation)
    {
        var code = $"http_{(int)status}";
        return (int)status switch
        {
            401 => new SuperOpsAuthenticationException(
                $"SuperOps rejected the API token for subdomain '{_credentials.Subdomain}' (HTTP 401): the token is invalid or was deleted. Generate a new token in SuperOps (Settings > Your Profile > API Token) and save it in AltPay.",
                code, operation),
            400 => new SuperOpsSubdomainException(
                $"SuperOps does not know the subdomain '{_credentials.Subdomain}' in the {_credentials.Region.ToString().ToUpperInvariant()} data centre (HTTP 400). Copy the subdomain from SuperOps (Settings > My MSP > MSP Information) and check the data centre.",
                code, operation),
            429 => new SuperOpsRateLimitException(
                $"SuperOps throttled {operation} (HTTP 429). Lower RequestsPerMinute or try again in a minute.",
                code, operation),
            >= 500 when isMutation => new SuperOpsOutcomeUnknownException(
                $"SuperOps failed {operation} with HTTP {(int)status}, so it is unknown whether the change was applied. Read the record back before sending it again.",
                code, operation),
            >= 500 => new SuperOpsInternalException(
                $"SuperOps failed {operation} with HTTP {(int)status}. Try again later.",
                code, operation),
            _ => new SuperOpsException(
                $"SuperOps returned HTTP {(int)status} for {operation}, which this client does not expect. Check the SuperOps base URL setting.",
                code, operation),
        };
    }

    private static void CheckEnvelope(JsonDocument document, string operation, bool isMutation)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SuperOpsResponseException($"SuperOps returned a response to {operation} that is not a JSON object. Try again later.", "body", null, operation);
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            throw ErrorFailure(errors, operation, isMutation);
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new SuperOpsResponseException($"SuperOps returned a response to {operation} with neither data nor errors. Try again later.", "data", null, operation);
        }
    }

    private static SuperOpsException ErrorFailure(JsonElement errors, string operation, bool isMutation)
    {
        var codes = new List<string>();
        string? message = null;
        foreach (var error in errors.EnumerateArray())
        {
            if (error.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (message is null && error.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String)
            {
                message = text.GetString();
            }

            if (error.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
                && extensions.TryGetProperty("clientError", out var clientErrors) && clientErrors.ValueKind == JsonValueKind.Array)
            {
                foreach (var clientError in clientErrors.EnumerateArray())
                {
                    if (clientError.ValueKind == JsonValueKind.Object && clientError.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
                    {
                        codes.Add(code.GetString()!);
                    }
                }
            }
        }

        // SuperOps' own message may end in a period, and the sentences below add their own.
        var detail = message is null ? "" : $": {Shorten(message).TrimEnd('.', ' ')}";
        if (codes.Contains("rate_limit_exceeded"))
        {
            return new SuperOpsRateLimitException(
                $"SuperOps throttled {operation} (rate_limit_exceeded). Lower RequestsPerMinute or try again in a minute.",
                "rate_limit_exceeded", operation);
        }

        if (codes.Contains("entity_does_not_exist"))
        {
            return new SuperOpsNotFoundException($"SuperOps found no record for {operation} (entity_does_not_exist){detail}.", "entity_does_not_exist", operation);
        }

        if (codes.FirstOrDefault(ValidationCodes.Contains) is { } validationCode)
        {
            return new SuperOpsValidationException($"SuperOps rejected the input of {operation} ({validationCode}){detail}.", validationCode, operation);
        }

        if (codes.Contains("forbidden"))
        {
            return new SuperOpsException(
                $"SuperOps refused {operation} (forbidden): the SuperOps user who owns the API token lacks permission for it. Give that user's role access to clients and invoices in SuperOps.",
                "forbidden", operation);
        }

        if (codes.FirstOrDefault(code => code.StartsWith("subscription_", StringComparison.Ordinal)) is { } subscriptionCode)
        {
            return new SuperOpsException(
                $"SuperOps refused {operation} ({subscriptionCode}): the MSP's SuperOps subscription is not active. Renew or resume it in SuperOps.",
                subscriptionCode, operation);
        }

        if (codes.Count > 0)
        {
            return new SuperOpsException($"SuperOps failed {operation} with {string.Join(", ", codes)}{detail}.", codes[0], operation);
        }

        // Without a clientError code, SuperOps reports internal failures by message and GraphQL document errors
        // (for example a sub-selection on a JSON field) by the validation message alone.
        if (message is not null && (message.Contains("Internal Server Error", StringComparison.OrdinalIgnoreCase)
            || message.StartsWith("Cannot return null for non-nullable", StringComparison.Ordinal)))
        {
            return isMutation
                ? new SuperOpsOutcomeUnknownException(
                    $"SuperOps failed {operation} with an internal error, so it is unknown whether the change was applied. Read the record back before sending it again.",
                    "internal_error", operation)
                : new SuperOpsInternalException($"SuperOps failed {operation} with an internal error{detail}. Try again later.", "internal_error", operation);
        }

        return new SuperOpsValidationException($"SuperOps rejected the GraphQL document of {operation}{detail}.", "graphql_validation", operation);
    }

    private static byte[] WriteBody(string document, Action<Utf8JsonWriter>? writeVariables)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("query", document);
            if (writeVariables is not null)
            {
                writer.WriteStartObject("variables");
                writeVariables(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");
}
