using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace SuperOps.Sandbox.GraphQL;

/// <summary>
/// The two schemas the sandbox serves: the derived SuperOps schema with the assumed payments extension,
/// and the documented schema alone for tenants created with documentedSchemaOnly.
/// </summary>
internal sealed partial class SandboxSchemas
{
    public const string DerivedSchemaFile = "superops-msp.derived.graphql";
    public const string PaymentsExtensionFile = "altpay-payments-extension.graphql";
    public const string ConditionExtensionFile = "sandbox-condition-extension.graphql";

    private static readonly Lazy<SandboxSchemas> SharedInstance = new(() => new SandboxSchemas());

    private SandboxSchemas()
    {
        Full = Build(withPaymentsExtension: true);
        Documented = Build(withPaymentsExtension: false);
    }

    /// <summary>
    /// One instance per process, shared by every host, because building a schema from the 3,700-line SDL
    /// is slow and the schemas keep no per-host state (resolvers read the tenant from the user context).
    /// </summary>
    public static SandboxSchemas Shared => SharedInstance.Value;

    public ISchema Full { get; }

    public ISchema Documented { get; }

    public ISchema For(bool documentedSchemaOnly) => documentedSchemaOnly ? Documented : Full;

    public static string LoadSdl(string fileName)
    {
        var assembly = typeof(SandboxSchemas).Assembly;
        using var stream = assembly.GetManifestResourceStream($"SuperOps.Sandbox.Schema.{fileName}")
            ?? throw new InvalidOperationException($"Embedded schema file {fileName} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static ISchema Build(bool withPaymentsExtension)
    {
        var sdl = MergeInputExtensions(LoadSdl(DerivedSchemaFile), LoadSdl(ConditionExtensionFile));
        if (withPaymentsExtension)
        {
            sdl += "\n" + LoadSdl(PaymentsExtensionFile);
        }

        var schema = Schema.For(sdl);
        schema.RegisterType(new JsonScalarGraphType());
        schema.Initialize();

        TypeResolvers.Bind(schema, withPaymentsExtension);
        QueryResolvers.Bind(schema);
        MutationResolvers.Bind(schema);
        foreach (var root in new IObjectGraphType?[] { schema.Query, schema.Mutation })
        {
            foreach (var field in root?.Fields ?? [])
            {
                if (!Implemented.Contains(field.Name))
                {
                    var name = field.Name;
                    field.Resolver = new FuncFieldResolver<object?>(_ =>
                        throw new ExecutionError($"The SuperOps sandbox does not implement {name}.") { Code = "NOT_IMPLEMENTED" });
                }
            }
        }

        return schema;
    }

    /// <summary>
    /// Copies the fields of each <c>extend input X { ... }</c> into <c>input X { ... }</c>, because
    /// GraphQL.NET's schema builder (8.8.5) applies object type extensions but ignores input type extensions.
    /// </summary>
    private static string MergeInputExtensions(string sdl, string extensions)
    {
        foreach (Match match in InputExtension().Matches(extensions))
        {
            var header = $"input {match.Groups["name"].Value} {{";
            var index = sdl.IndexOf(header, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new InvalidOperationException($"The schema has no input type {match.Groups["name"].Value} to extend.");
            }

            sdl = sdl.Insert(index + header.Length, "\n" + match.Groups["fields"].Value);
        }

        return sdl;
    }

    [GeneratedRegex(@"extend\s+input\s+(?<name>\w+)\s*\{(?<fields>[^}]*)\}")]
    private static partial Regex InputExtension();

    /// <summary>Root fields with real resolvers; every other root field returns a GraphQL error.</summary>
    public static readonly IReadOnlySet<string> Implemented = new HashSet<string>(StringComparer.Ordinal)
    {
        "getClientList", "getClient", "getClientSiteList", "getClientSite", "getClientStageList", "getInvoiceList",
        "getInvoice", "getInvoiceItemList", "getPaymentMethodList", "getPaymentTermList", "updateInvoice",
        "createInvoice", "createClientV2", "softDeleteClients", "restoreClients",
    };
}
