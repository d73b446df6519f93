namespace SuperOps.Sandbox.GraphQL;

internal static class InputExtensions
{
    /// <summary>Returns the value of a coerced GraphQL input field, or null when the field was not given.</summary>
    public static object? Get(this IDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) ? value : null;
}
