using System.Collections;
using GraphQL;
using GraphQL.Types;
using SuperOps.Sandbox.Model;

namespace SuperOps.Sandbox.GraphQL;

/// <summary>Resolvers of the Query fields the sandbox implements.</summary>
internal static class QueryResolvers
{
    public static readonly ListAttributeSet<SandboxClient> ClientAttributes = new(
        "getClientList", "accountId", c => c.AccountId,
        new("name", AttributeKind.String, (c, _) => c.Name),
        new("emailDomains", AttributeKind.StringList, (c, _) => c.EmailDomains),
        new("stage", AttributeKind.String, (c, _) => c.Stage),
        new("status", AttributeKind.String, (c, _) => c.Status));

    public static readonly ListAttributeSet<SandboxInvoice> InvoiceAttributes = new(
        "getInvoiceList", "invoiceId", i => i.InvoiceId,
        new("statusEnum", AttributeKind.String, (i, r) => i.ReadStatus(r.Today)),
        new("invoiceDate", AttributeKind.Date, (i, _) => i.InvoiceDate),
        new("dueDate", AttributeKind.Date, (i, _) => i.DueDate),
        new("client.accountId", AttributeKind.String, (i, _) => Money.FormatId(i.ClientId)),
        new("client.name", AttributeKind.String, (i, r) => r.Tenant.Clients.TryGet(i.ClientId, out var c) ? c.Name : null),
        new("totalAmount", AttributeKind.Number, (i, _) => i.TotalAmount));

    public static readonly ListAttributeSet<SandboxLine> LineAttributes = new(
        "getInvoiceItemList", "itemId", l => l.ItemId,
        new("invoice.invoiceId", AttributeKind.String, (l, _) => Money.FormatId(l.Invoice.InvoiceId)),
        new("billedDate", AttributeKind.Date, (l, _) => l.BilledDate));

    public static readonly ListAttributeSet<SandboxSite> SiteAttributes = new(
        "getClientSiteList", "id", s => s.Id,
        new ListAttribute<SandboxSite>("name", AttributeKind.String, (s, _) => s.Name));

    public static void Bind(ISchema schema)
    {
        Set(schema, "getClientList", GetClientList);
        Set(schema, "getClient", GetClient);
        Set(schema, "getClientSiteList", GetClientSiteList);
        Set(schema, "getClientSite", GetClientSite);
        Set(schema, "getClientStageList", GetClientStageList);
        Set(schema, "getInvoiceList", GetInvoiceList);
        Set(schema, "getInvoice", GetInvoice);
        Set(schema, "getInvoiceItemList", GetInvoiceItemList);
        Set(schema, "getPaymentMethodList", GetPaymentMethodList);
        Set(schema, "getPaymentTermList", GetPaymentTermList);
    }

    public static IDictionary<string, object?>? Input(IResolveFieldContext context) =>
        context.Arguments is { } arguments && arguments.TryGetValue("input", out var input)
            ? input.Value as IDictionary<string, object?>
            : null;

    public static IEnumerable<object?> InputList(IResolveFieldContext context) =>
        context.Arguments is { } arguments && arguments.TryGetValue("input", out var input) && input.Value is IEnumerable list
            ? list.Cast<object?>()
            : [];

    public static long RequireId(IDictionary<string, object?>? input, string name, string entity)
    {
        var text = input?.Get(name)?.ToString();
        if (string.IsNullOrEmpty(text))
        {
            throw ClientErrorException.Missing(name);
        }

        return Money.TryParseId(text, out var id) ? id : throw ClientErrorException.NotFound(entity, name, text);
    }

    private static void Set(ISchema schema, string field, Func<IResolveFieldContext, SandboxRequestContext, object?> resolve)
    {
        var fieldType = schema.Query!.GetField(field)!;
        fieldType.Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object?>(ctx => resolve(ctx, TypeResolvers.Request(ctx)));
    }

    private static object? GetClientList(IResolveFieldContext context, SandboxRequestContext request)
    {
        var (page, listInfo) = ListQuery.Run(request.Tenant.Clients.Items, c => !c.SoftDeleted, "live", ClientAttributes, Input(context), request);
        return new Dictionary<string, object?> { ["clients"] = page, ["listInfo"] = listInfo };
    }

    private static object? GetClient(IResolveFieldContext context, SandboxRequestContext request)
    {
        var input = Input(context);
        var id = RequireId(input, "accountId", "Client");
        return request.Tenant.FindLiveClient(id) ?? throw ClientErrorException.NotFound("Client", "accountId", Money.FormatId(id));
    }

    private static object? GetClientSiteList(IResolveFieldContext context, SandboxRequestContext request)
    {
        var input = Input(context);
        var tenant = request.Tenant;
        Func<SandboxSite, bool> scope = s => tenant.FindLiveClient(s.ClientId) is not null;
        var scopeKey = "live";
        if (input?.Get("clientId") is { } rawClientId)
        {
            var clientId = RequireId(input, "clientId", "Client");
            if (tenant.FindLiveClient(clientId) is null)
            {
                throw ClientErrorException.NotFound("Client", "clientId", rawClientId.ToString());
            }

            scope = s => s.ClientId == clientId;
            scopeKey = Money.FormatId(clientId);
        }

        var listInfoInput = input?.Get("listInfo") as IDictionary<string, object?>;
        var (page, listInfo) = ListQuery.Run(tenant.Sites.Items, scope, scopeKey, SiteAttributes, listInfoInput, request);
        return new Dictionary<string, object?> { ["sites"] = page, ["listInfo"] = listInfo };
    }

    private static object? GetClientSite(IResolveFieldContext context, SandboxRequestContext request)
    {
        var id = RequireId(Input(context), "id", "ClientSite");
        return request.Tenant.Sites.TryGet(id, out var site) && request.Tenant.FindLiveClient(site.ClientId) is not null
            ? site
            : throw ClientErrorException.NotFound("ClientSite", "id", Money.FormatId(id));
    }

    private static object? GetClientStageList(IResolveFieldContext context, SandboxRequestContext request) =>
        request.Tenant.ClientStages.Select(stage => new Dictionary<string, object?>
        {
            ["stageId"] = Money.FormatId(stage.StageId),
            ["name"] = stage.Name,
            ["constant"] = stage.Constant,
            ["statuses"] = stage.Statuses.Select(status => new Dictionary<string, object?>
            {
                ["statusId"] = Money.FormatId(status.StatusId),
                ["name"] = status.Name,
                ["constant"] = status.Constant,
            }).ToList(),
        }).ToList();

    private static object? GetInvoiceList(IResolveFieldContext context, SandboxRequestContext request)
    {
        var (page, listInfo) = ListQuery.Run(request.Tenant.Invoices.Items, null, "all", InvoiceAttributes, Input(context), request);
        return new Dictionary<string, object?> { ["invoices"] = page, ["listInfo"] = listInfo };
    }

    private static object? GetInvoice(IResolveFieldContext context, SandboxRequestContext request)
    {
        var id = RequireId(Input(context), "invoiceId", "Invoice");
        return request.Tenant.Invoices.TryGet(id, out var invoice)
            ? invoice
            : throw ClientErrorException.NotFound("Invoice", "invoiceId", Money.FormatId(id));
    }

    private static object? GetInvoiceItemList(IResolveFieldContext context, SandboxRequestContext request)
    {
        var tenant = request.Tenant;
        var (page, listInfo) = ListQuery.Run(
            tenant.Lines.Items, l => tenant.FindLiveClient(l.Invoice.ClientId) is not null, "live", LineAttributes, Input(context), request);
        return new Dictionary<string, object?> { ["items"] = page, ["listInfo"] = listInfo };
    }

    private static object? GetPaymentMethodList(IResolveFieldContext context, SandboxRequestContext request) =>
        request.Tenant.PaymentMethods.Select(m => new Dictionary<string, object?>
        {
            ["paymentMethodId"] = Money.FormatId(m.PaymentMethodId),
            ["paymentMethodName"] = m.Name,
        }).ToList();

    private static object? GetPaymentTermList(IResolveFieldContext context, SandboxRequestContext request) =>
        request.Tenant.PaymentTerms.Select(t => new Dictionary<string, object?>
        {
            ["paymentTermId"] = Money.FormatId(t.PaymentTermId),
            ["paymentTermName"] = t.Name,
            ["paymentTermValue"] = t.Days,
        }).ToList();
}
