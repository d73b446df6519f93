namespace AltPay.Web.Api;

/// <summary>
/// A request the API rejects, with the problem details to return. <see cref="Errors"/> maps each
/// field at fault (camelCase, as in the request) to messages that name the value and the fix.
/// </summary>
public sealed class ApiProblemException(
    int status,
    string detail,
    IReadOnlyDictionary<string, string[]>? errors = null,
    IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public IReadOnlyDictionary<string, object?>? Extensions { get; } = extensions;

    public static ApiProblemException BadRequest(string field, string detail) =>
        new(StatusCodes.Status400BadRequest, detail, new Dictionary<string, string[]> { [field] = [detail] });

    public static ApiProblemException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, string.Join(" ", errors.Values.SelectMany(messages => messages)), errors);

    public static ApiProblemException Unprocessable(string field, string detail) =>
        new(StatusCodes.Status422UnprocessableEntity, detail, new Dictionary<string, string[]> { [field] = [detail] });

    public static ApiProblemException NotFound(string what, Guid id) =>
        new(StatusCodes.Status404NotFound, $"No {what} with id '{id}' exists in your account; list them to find the right id.");

    public static ApiProblemException Conflict(string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(StatusCodes.Status409Conflict, detail, extensions: extensions);
}
