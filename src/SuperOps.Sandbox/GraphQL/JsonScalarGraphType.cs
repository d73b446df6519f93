using GraphQL.Types;

namespace SuperOps.Sandbox.GraphQL;

/// <summary>The SuperOps <c>JSON</c> scalar: any JSON value, passed through unchanged in both directions.</summary>
internal sealed class JsonScalarGraphType : ComplexScalarGraphType
{
    public JsonScalarGraphType()
    {
        Name = "JSON";
    }
}
