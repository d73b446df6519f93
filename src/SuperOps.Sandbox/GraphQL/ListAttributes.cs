namespace SuperOps.Sandbox.GraphQL;

/// <summary>How a filter attribute is compared, which decides the operators it accepts.</summary>
internal enum AttributeKind
{
    String,
    StringList,
    Number,
    Date,
}

/// <summary>A filterable and sortable attribute of a list, read from a record.</summary>
internal sealed record ListAttribute<T>(string Name, AttributeKind Kind, Func<T, SandboxRequestContext, object?> Read);

/// <summary>The attributes one list query accepts in conditions and sorts.</summary>
internal sealed class ListAttributeSet<T>
{
    private readonly Dictionary<string, ListAttribute<T>> _byName;

    public ListAttributeSet(string operation, string idAttribute, Func<T, long> id, params ListAttribute<T>[] attributes)
    {
        Operation = operation;
        Id = id;
        IdAttribute = idAttribute;
        _byName = attributes.ToDictionary(a => a.Name, StringComparer.Ordinal);
    }

    public string Operation { get; }
    public string IdAttribute { get; }
    public Func<T, long> Id { get; }

    public IEnumerable<string> Names => _byName.Keys;

    public ListAttribute<T>? Find(string name) => _byName.GetValueOrDefault(name);
}

internal static class Operators
{
    public static readonly string[] String =
        ["is", "isNot", "isEmpty", "isNotEmpty", "startsWith", "endsWith", "contains", "notContains", "includes", "notIncludes"];

    public static readonly string[] Number =
        ["is", "isNot", "isEmpty", "isNotEmpty", "greaterThan", "greaterThanOrEqual", "lessThan", "lessThanOrEqual"];

    public static readonly string[] Date = ["on", "between", "inNext", "inLast", "after", "before", "isEmpty", "isNotEmpty"];

    public static string[] For(AttributeKind kind) => kind switch
    {
        AttributeKind.Number => Number,
        AttributeKind.Date => Date,
        _ => String,
    };
}
