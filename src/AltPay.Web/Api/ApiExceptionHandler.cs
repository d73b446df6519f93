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
/// <see cref="SuperOpsUnreachableException"/> to 503.
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

    private static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        ApiProblemException api => Build(api.Status, api.Message, api.Errors, api.Extensions),
        BadHttpRequestException bad => Build(
            bad.StatusCode,
            $"The request could not be read: {(bad.InnerException ?? bad).Message} Send JSON matching the documented shape."),
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
