using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQLParser.AST;
using SuperOps.Sandbox;

namespace AltPay.SuperOps.Tests;

public sealed class SuperOpsDocumentsTests
{
    private static readonly string SchemaDirectory =
        Path.Combine(Path.GetDirectoryName(typeof(SandboxHost).Assembly.Location)!, "Schema");

    public static TheoryData<string> DocumentNames => [.. SuperOpsDocuments.All.Keys];

    public static TheoryData<string> DocumentedSchemaNames =>
        [.. SuperOpsDocuments.All.Keys.Where(name => !SuperOpsDocuments.NeedingPaymentsExtension.Contains(name))];

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public async Task Document_ValidatesAgainstSchemaWithExtension(string name)
    {
        var schema = BuildSchema(withPaymentsExtension: true);

        var errors = await ExecuteAsync(schema, SuperOpsDocuments.All[name]);

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(DocumentedSchemaNames))]
    public async Task Document_ValidatesAgainstDocumentedSchema(string name)
    {
        var schema = BuildSchema(withPaymentsExtension: false);

        var errors = await ExecuteAsync(schema, SuperOpsDocuments.All[name]);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task PaymentDocuments_FailWithoutExtension()
    {
        var schema = BuildSchema(withPaymentsExtension: false);

        foreach (var name in SuperOpsDocuments.NeedingPaymentsExtension)
        {
            var errors = await ExecuteAsync(schema, SuperOpsDocuments.All[name]);
            Assert.Contains(errors, error => error.Contains("'payments'", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Validator_RejectsSubSelectionOfJsonField()
    {
        var schema = BuildSchema(withPaymentsExtension: false);

        var errors = await ExecuteAsync(schema, "query getInvoice { getInvoice(input: {invoiceId: \"1\"}) { client { accountId } } }");

        Assert.Contains("Field client of type JSON must not have a sub selection", errors);
    }

    private static Schema BuildSchema(bool withPaymentsExtension)
    {
        var sdl = File.ReadAllText(Path.Combine(SchemaDirectory, "superops-msp.derived.graphql"));
        if (withPaymentsExtension)
        {
            sdl += Environment.NewLine + File.ReadAllText(Path.Combine(SchemaDirectory, "altpay-payments-extension.graphql"));
        }

        var schema = Schema.For(sdl);
        schema.RegisterType(new JsonScalarType());
        schema.Initialize();
        return schema;
    }

    // Runs the document with no resolvers: every root field resolves to null, so any error is a validation or
    // variable error. Variables match what the client sends for each input type.
    private static async Task<List<string>> ExecuteAsync(Schema schema, string document)
    {
        var variables =
            document.Contains("ListInfoInput!", StringComparison.Ordinal)
                ? """{"input": {"page": 2, "pageSize": 100, "sort": [{"attribute": "invoiceId", "order": "ASC"}]}}"""
            : document.Contains("UpdateInvoiceInput!", StringComparison.Ordinal)
                ? """{"input": {"invoiceId": "1", "statusEnum": "PAID", "paymentDate": "2026-03-14", "paymentMethod": {"paymentMethodId": "2"}, "paymentReference": "AltPay payment 7"}}"""
            : document.Contains("InvoiceIdentifierInput!", StringComparison.Ordinal)
                ? """{"input": {"invoiceId": "1"}}"""
            : document.Contains("ClientIdentifierInput!", StringComparison.Ordinal)
                ? """{"input": {"accountId": "1"}}"""
            : "{}";

        var result = await new DocumentExecuter().ExecuteAsync(options =>
        {
            options.Schema = schema;
            options.Query = document;
            options.Variables = new GraphQLSerializer().Deserialize<Inputs>(variables);
        });

        return result.Errors?.Select(error => error.Message).ToList() ?? [];
    }

    private sealed class JsonScalarType : ScalarGraphType
    {
        public JsonScalarType() => Name = "JSON";

        public override object? ParseLiteral(GraphQLValue value) => value;

        public override object? ParseValue(object? value) => value;

        public override object? Serialize(object? value) => value;
    }
}
