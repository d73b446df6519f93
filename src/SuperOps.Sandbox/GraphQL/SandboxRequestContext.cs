using SuperOps.Sandbox.Model;

namespace SuperOps.Sandbox.GraphQL;

/// <summary>Per-request state handed to resolvers as the GraphQL user context.</summary>
internal sealed class SandboxRequestContext : Dictionary<string, object?>
{
    public required SandboxTenant Tenant { get; init; }
    public required DateOnly Today { get; init; }
    public required SandboxOptions Options { get; init; }
    public required bool NumericIdsInJson { get; init; }
    public required bool HasMoreNullOnLastPage { get; init; }

    /// <summary>An id inside a JSON-typed field: a bare number when numericIdsInJson is on, else a string.</summary>
    public object JsonId(long id) => NumericIdsInJson ? id : Money.FormatId(id);

    public object? JsonId(long? id) => id is { } value ? JsonId(value) : null;
}
