using System.Text.Json;
using AltPay.Sync;
using AltPay.Web.Partners;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AltPay.Web.Api;

/// <summary>
/// Maps exceptions to RFC 9457 problem details:
/// <see cref="ApiProblemException"/> to its own status;
/// <see cref="BadHttpRequestException"/> (unreadable JSON, wrong types) to 400;
/// <see cref="ConnectionInputException"/> to 400 with the fields at fault;
/// <see cref="ConnectionRejectedException"/> to 422 with <c>errors.apiToken</c> or <c>errors.subdomain</c>;
/// <see cref="NotConnectedException"/> to 409;
/// <see cref="PartnerProvisioningException"/> to 422;
/// <see cref="SuperOpsUnreachableException"/> to 503;
/// <see cref="RecordNotFoundException"/> and <see cref="SyncRunNotFoundException"/> to 404;
/// <see cref="InvoiceStateException"/> to 409;
/// <see cref="SyncRunStateException"/> to 409 with <c>runId</c>, the run in the way;
/// <see cref="PaymentRejectedException"/> to 422 and <see cref="PaymentInputException"/> to 400, each with the field at fault.
/// Anything else is left to the default handler (500, without the exception's message).
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);

        if (problem is null)
        {
            Log.UnhandledException(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        Log.RequestRejected(logger, httpContext.Request.Method, httpContext.Request.Path, httpContext.Response.StatusCode, exception.GetType().Name);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    // The serializer's own message names .NET types, which mean nothing to an API client.
    private static string DescribeJsonError(JsonException json) => json.Path is { Length: > 2 } path
        ? $"The value at '{path[2..]}' has the wrong type or the JSON there is malformed. Send JSON matching the documented shape, such as a number for an amount and a string for an id or date."
        : "The request body is not valid JSON. Send a JSON object matching the documented shape.";

    private static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        ApiProblemException api => Build(api.Status, api.Message, api.Errors, api.Extensions),
        BadHttpRequestException { InnerException: JsonException json } bad => Build(
            bad.StatusCode,
            DescribeJsonError(json),
            json.Path is { Length: > 2 } path ? new Dictionary<string, string[]> { [path[2..]] = [DescribeJsonError(json)] } : null),
        BadHttpRequestException bad => Build(
            bad.StatusCode,
            $"The request could not be read: {bad.Message} Send JSON matching the documented shape."),
        ConnectionInputException input => Build(
            StatusCodes.Status400BadRequest,
            input.Message,
            input.Errors.ToDictionary(pair => pair.Key, pair => new[] { pair.Value })),
        ConnectionRejectedException rejected => Build(
            StatusCodes.Status422UnprocessableEntity,
            rejected.Message,
            new Dictionary<string, string[]> { [rejected.Field] = [rejected.Message] }),
        NotConnectedException notConnected => Build(StatusCodes.Status409Conflict, notConnected.Message),
        PartnerProvisioningException provisioning => Build(StatusCodes.Status422UnprocessableEntity, provisioning.Message),
        SuperOpsUnreachableException unreachable => Build(StatusCodes.Status503ServiceUnavailable, unreachable.Message),
        RecordNotFoundException notFound => Build(StatusCodes.Status404NotFound, notFound.Message),
        SyncRunNotFoundException runNotFound => Build(StatusCodes.Status404NotFound, runNotFound.Message),
        InvoiceStateException state => Build(StatusCodes.Status409Conflict, state.Message),
        SyncRunStateException runState => Build(
            StatusCodes.Status409Conflict,
            runState.Message,
            extensions: new Dictionary<string, object?> { ["runId"] = runState.RunId }),
        PaymentRejectedException paymentRejected => Build(
            StatusCodes.Status422UnprocessableEntity,
            paymentRejected.Message,
            new Dictionary<string, string[]> { [paymentRejected.Field] = [paymentRejected.Message] }),
        PaymentInputException paymentInput => Build(
            StatusCodes.Status400BadRequest,
            paymentInput.Message,
            new Dictionary<string, string[]> { [paymentInput.Field] = [paymentInput.Message] }),
        _ => null,
    };

    private static ProblemDetails Build(
        int status,
        string detail,
        IReadOnlyDictionary<string, string[]>? errors = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ProblemDetails problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors.ToDictionary(pair => pair.Key, pair => pair.Value));

        problem.Status = status;
        problem.Detail = detail;

        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
