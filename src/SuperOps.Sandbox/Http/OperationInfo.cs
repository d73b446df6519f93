using System.Collections;
using System.Globalization;
using GraphQLParser.AST;

namespace SuperOps.Sandbox.Http;

/// <summary>
/// The root field name of a request (getInvoiceList), used for request counters and fault matching,
/// and its page: <c>input.page</c>, or <c>input.listInfo.page</c> for getClientSiteList.
/// </summary>
internal sealed record OperationInfo(string Name, int? Page)
{
    public const string Unknown = "(unknown)";

    public static OperationInfo From(GraphQLDocument? document, string? operationName, IReadOnlyDictionary<string, object?>? variables)
    {
        var operation = document?.Definitions.OfType<GraphQLOperationDefinition>()
            .FirstOrDefault(o => operationName is null || (o.Name is { } name && name.StringValue == operationName));
        var field = operation?.SelectionSet.Selections.OfType<GraphQLField>().FirstOrDefault();
        if (field is null)
        {
            return new OperationInfo(Unknown, null);
        }

        var name = field.Name.StringValue;
        var input = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "input")?.Value;
        var path = name == "getClientSiteList" ? new[] { "listInfo", "page" } : ["page"];
        return new OperationInfo(name, ReadPage(input, path, variables));
    }

    private static int? ReadPage(GraphQLValue? value, string[] path, IReadOnlyDictionary<string, object?>? variables)
    {
        object? current = value;
        foreach (var key in path)
        {
            current = Resolve(current, variables);
            current = current switch
            {
                GraphQLObjectValue literal => literal.Fields?.FirstOrDefault(f => f.Name.StringValue == key)?.Value,
                IDictionary<string, object?> dictionary => dictionary.TryGetValue(key, out var next) ? next : null,
                IDictionary dictionary => dictionary.Contains(key) ? dictionary[key] : null,
                _ => null,
            };
        }

        return Resolve(current, variables) switch
        {
            GraphQLIntValue literal => int.TryParse(literal.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) ? page : null,
            int page => page,
            long page => (int)page,
            decimal page => (int)page,
            _ => null,
        };
    }

    private static object? Resolve(object? value, IReadOnlyDictionary<string, object?>? variables) =>
        value is GraphQLVariable variable ? variables?.GetValueOrDefault(variable.Name.StringValue) : value;
}
