using GraphQL;

namespace SuperOps.Sandbox.GraphQL;

/// <summary>
/// An application error in SuperOps' envelope: HTTP 200 and
/// <c>errors[].extensions.clientError[{code, param}]</c>.
/// </summary>
internal sealed class ClientErrorException : ExecutionError
{
    public ClientErrorException(string code, string message, IDictionary<string, object?>? param = null)
        : base(message)
    {
        ClientCode = code;
        Param = param ?? new Dictionary<string, object?>();
    }

    public string ClientCode { get; }

    public IDictionary<string, object?> Param { get; }

    public static ClientErrorException NotFound(string entity, string attribute, string? id) =>
        new("entity_does_not_exist", $"{entity} with {attribute} '{id}' does not exist.",
            new Dictionary<string, object?> { ["attributes"] = new[] { attribute }, ["value"] = id });

    public static ClientErrorException Invalid(string attribute, string message) =>
        new("type_validation_failed", message, new Dictionary<string, object?> { ["attributes"] = new[] { attribute } });

    public static ClientErrorException Missing(string attribute) =>
        new("mandatory_validation_failed", $"{attribute} is mandatory.",
            new Dictionary<string, object?> { ["attributes"] = new[] { attribute } });
}
