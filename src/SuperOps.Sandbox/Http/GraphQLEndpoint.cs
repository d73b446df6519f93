using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SuperOps.Sandbox.GraphQL;
using SuperOps.Sandbox.Model;

namespace SuperOps.Sandbox.Http;

/// <summary>
/// POST /{region}/msp: checks the tenant header and token as SuperOps' ingress does, counts the request,
/// applies the rate limit and any configured fault, then runs the GraphQL document against the tenant.
/// </summary>
internal sealed class GraphQLEndpoint(
    SandboxTenantStore store,
    SandboxSchemas schemas,
    ILogger<GraphQLEndpoint> logger)
{
    public const string InvalidSubdomainBody = """{"message":"The subdomain provided is invalid."}""";
    public const string InvalidTokenBody = """{"message":"The API token used is invalid or deleted."}""";
    public const string RateLimitedBody =
        """{"errors":[{"message":"API limit reached","extensions":{"clientError":[{"code":"rate_limit_exceeded"}]}}]}""";
    public const string InternalErrorBody =
        """{"data":null,"errors":[{"message":"Internal Server Error(s) while executing query"}]}""";

    private static readonly GraphQLSerializer Serializer = new(
        options => options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        new SandboxErrorInfoProvider());
    private readonly DocumentExecuter _executer = new();

    public async Task HandleAsync(HttpContext context, string region)
    {
        var subdomain = context.Request.Headers["CustomerSubDomain"].ToString().Trim();
        var tenant = subdomain.Length == 0 ? null : store.Find(subdomain);
        if (tenant is null || tenant.Region != region)
        {
            SandboxLog.SubdomainRejected(logger, region, subdomain);
            await WriteJsonAsync(context, StatusCodes.Status400BadRequest, InvalidSubdomainBody);
            return;
        }

        if (!TokenMatches(context.Request.Headers.Authorization.ToString(), tenant.ApiToken))
        {
            SandboxLog.TokenRejected(logger, tenant.Subdomain);
            await WriteJsonAsync(context, StatusCodes.Status401Unauthorized, InvalidTokenBody);
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = await Serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            request = null;
        }

        var document = TryParse(request?.Query);
        var operation = OperationInfo.From(document, request?.OperationName, request?.Variables);
        var now = store.TimeProvider.GetUtcNow();
        tenant.Counters.Record(operation.Name, now);

        TenantSettings settings;
        lock (tenant.SettingsLock)
        {
            settings = tenant.Settings;
        }

        if (!TryAcquireRateBudget(tenant, settings.RequestsPerMinute, now))
        {
            SandboxLog.RateLimited(logger, tenant.Subdomain, operation.Name, settings.RequestsPerMinute);
            await WriteJsonAsync(context, StatusCodes.Status200OK, RateLimitedBody);
            return;
        }

        var fault = PickFault(tenant, operation);
        if (fault is not null)
        {
            SandboxLog.FaultInjected(logger, tenant.Subdomain, fault, operation.Name, operation.Page);
            if (await HandleFaultBeforeExecutionAsync(context, fault))
            {
                return;
            }
        }

        if (request?.Query is null)
        {
            await WriteJsonAsync(context, StatusCodes.Status400BadRequest,
                """{"errors":[{"message":"The request body must be JSON with a query string."}]}""");
            return;
        }

        var result = await ExecuteAsync(context, tenant, settings, request, document, operation);
        if (fault == "commit_then_drop")
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await Serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private async Task<ExecutionResult> ExecuteAsync(
        HttpContext context, SandboxTenant tenant, TenantSettings settings, GraphQLRequest request, GraphQLDocument? document, OperationInfo operation)
    {
        var userContext = new SandboxRequestContext
        {
            Tenant = tenant,
            Today = store.Today,
            Options = store.Options,
            NumericIdsInJson = settings.NumericIdsInJson,
            HasMoreNullOnLastPage = settings.HasMoreNullOnLastPage,
        };

        await tenant.Lock.WaitAsync(context.RequestAborted);
        try
        {
            return await _executer.ExecuteAsync(options =>
            {
                options.Schema = schemas.For(tenant.DocumentedSchemaOnly);
                options.Query = request.Query;
                options.Document = document;
                options.OperationName = request.OperationName;
                options.Variables = request.Variables;
                options.UserContext = userContext;
                options.RequestServices = context.RequestServices;
                options.CancellationToken = context.RequestAborted;
                options.UnhandledExceptionDelegate = unhandled =>
                {
                    SandboxLog.ResolverFailed(logger, unhandled.OriginalException, tenant.Subdomain, operation.Name);
                    unhandled.ErrorMessage = "Internal Server Error(s) while executing query";
                    return Task.CompletedTask;
                };
            });
        }
        finally
        {
            tenant.Lock.Release();
        }
    }

    /// <summary>Answers a fault that skips execution; returns false for commit_then_drop, which runs the request first.</summary>
    private async Task<bool> HandleFaultBeforeExecutionAsync(HttpContext context, string kind)
    {
        switch (kind)
        {
            case "rate_limit":
                await WriteJsonAsync(context, StatusCodes.Status200OK, RateLimitedBody);
                return true;
            case "internal_error":
                await WriteJsonAsync(context, StatusCodes.Status200OK, InternalErrorBody);
                return true;
            case "http_500":
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return true;
            case "unauthorized":
                await WriteJsonAsync(context, StatusCodes.Status401Unauthorized, InvalidTokenBody);
                return true;
            case "timeout":
                try
                {
                    await Task.Delay(store.Options.TimeoutFaultDelay, store.TimeProvider, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client aborted the request, so no response can be sent.
                    return true;
                }

                context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                return true;
            default:
                return false;
        }
    }

    private static string? PickFault(SandboxTenant tenant, OperationInfo operation)
    {
        lock (tenant.SettingsLock)
        {
            foreach (var rule in tenant.Settings.Faults)
            {
                if (rule.Remaining is <= 0
                    || (rule.Operation is not null && rule.Operation != operation.Name)
                    || (rule.Page is not null && rule.Page != operation.Page))
                {
                    continue;
                }

                if (rule.Probability is { } probability && tenant.FaultRandom.NextDouble() >= probability)
                {
                    continue;
                }

                if (rule.Remaining is { } remaining)
                {
                    rule.Remaining = remaining - 1;
                }

                return rule.Kind;
            }
        }

        return null;
    }

    /// <summary>Counts the request against the token's rolling 60-second window unless the limit is reached.</summary>
    private static bool TryAcquireRateBudget(SandboxTenant tenant, int limit, DateTimeOffset now)
    {
        lock (tenant.RateWindow)
        {
            if (tenant.RateWindow.CountAt(now) >= limit)
            {
                return false;
            }

            tenant.RateWindow.Add(now);
            return true;
        }
    }

    private static bool TokenMatches(string authorization, string expected)
    {
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(token, Encoding.UTF8.GetBytes(expected));
    }

    private static GraphQLDocument? TryParse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        try
        {
            return Parser.Parse(query);
        }
        catch (GraphQLParserException)
        {
            // The executer parses again and reports the syntax error in GraphQL form.
            return null;
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
