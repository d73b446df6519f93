using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using SuperOps.Sandbox.Model;

namespace SuperOps.Sandbox.GraphQL;

/// <summary>Field resolvers of the object types the sandbox returns, reading the in-memory records.</summary>
internal static class TypeResolvers
{
    /// <summary>Types whose resolvers return dictionaries keyed by field name.</summary>
    private static readonly string[] DictionaryTypes =
    [
        "ClientList", "ClientSiteList", "InvoiceList", "InvoiceItemList", "ListInfo", "Sort", "ClientStage",
        "ClientStatus", "PaymentMethod", "PaymentTerm",
    ];

    public static void Bind(ISchema schema, bool withPaymentsExtension)
    {
        foreach (var type in DictionaryTypes)
        {
            foreach (var field in ((IComplexGraphType)schema.AllTypes[type]!).Fields)
            {
                var name = field.Name;
                field.Resolver = new FuncFieldResolver<object?>(ctx => ((IDictionary<string, object?>)ctx.Source!).Get(name));
            }
        }

        BindClient(schema);
        BindSite(schema);
        BindInvoice(schema, withPaymentsExtension);
        BindLine(schema);
        BindTaxItem(schema);
    }

    public static SandboxRequestContext Request(IResolveFieldContext context) => (SandboxRequestContext)context.UserContext;

    public static void Set<TSource>(ISchema schema, string type, string field, Func<TSource, SandboxRequestContext, object?> resolve)
    {
        var fieldType = ((IComplexGraphType)schema.AllTypes[type]!).GetField(field)
            ?? throw new InvalidOperationException($"Schema type {type} has no field {field}.");
        fieldType.Resolver = new FuncFieldResolver<object?>(ctx => resolve((TSource)ctx.Source!, Request(ctx)));
    }

    public static Dictionary<string, object?> ClientRef(SandboxTenant tenant, long accountId, SandboxRequestContext request) => new()
    {
        ["accountId"] = request.JsonId(accountId),
        ["name"] = tenant.Clients.TryGet(accountId, out var client) ? client.Name : null,
    };

    public static Dictionary<string, object?>? Person(SandboxPerson? person, SandboxRequestContext request) =>
        person is null ? null : new() { ["userId"] = request.JsonId(person.UserId), ["name"] = person.Name };

    public static Dictionary<string, object?>? PaymentMethodRef(SandboxTenant tenant, long? id, SandboxRequestContext request)
    {
        var method = id is null ? null : tenant.PaymentMethods.Find(m => m.PaymentMethodId == id);
        return method is null ? null : new() { ["paymentMethodId"] = request.JsonId(method.PaymentMethodId), ["name"] = method.Name };
    }

    public static Dictionary<string, object?>? PaymentTermRef(SandboxTenant tenant, long? id, SandboxRequestContext request)
    {
        var term = id is null ? null : tenant.PaymentTerms.Find(t => t.PaymentTermId == id);
        return term is null ? null : new() { ["paymentTermId"] = request.JsonId(term.PaymentTermId), ["name"] = term.Name };
    }

    public static Dictionary<string, object?>? SiteRef(SandboxTenant tenant, long? id, SandboxRequestContext request) =>
        id is { } siteId && tenant.Sites.TryGet(siteId, out var site)
            ? new() { ["id"] = request.JsonId(site.Id), ["name"] = site.Name }
            : null;

    public static Dictionary<string, object?>? TaxRef(SandboxTax? tax, SandboxRequestContext request) =>
        tax is null ? null : new() { ["taxId"] = request.JsonId(tax.TaxId), ["name"] = tax.Name };

    public static Dictionary<string, object?>? ServiceItemRef(SandboxServiceItem? item, SandboxRequestContext request) =>
        item is null
            ? null
            : new()
            {
                ["itemId"] = request.JsonId(item.ItemId),
                ["name"] = item.Name,
                ["quantityType"] = item.QuantityType == ServiceQuantityType.Hours ? "HOURS" : "UNITS",
            };

    /// <summary>Taxes of an invoice, one entry per tax, summed from its lines.</summary>
    public static List<InvoiceTaxSummary> Taxes(SandboxInvoice invoice)
    {
        var result = new List<InvoiceTaxSummary>();
        foreach (var line in invoice.Lines)
        {
            if (!line.Taxable || line.Tax is null)
            {
                continue;
            }

            var index = result.FindIndex(t => t.Tax.TaxId == line.Tax.TaxId);
            if (index < 0)
            {
                var id = 1_000_000_000_000_000_000L + (long)(unchecked((ulong)(invoice.InvoiceId * 31 + line.Tax.TaxId)) % 8_000_000_000_000_000_000UL);
                result.Add(new InvoiceTaxSummary(id, line.Tax, line.Amount, line.TaxAmount));
            }
            else
            {
                var current = result[index];
                result[index] = current with
                {
                    TaxableAmount = current.TaxableAmount + line.Amount,
                    TaxAmount = current.TaxAmount + line.TaxAmount,
                };
            }
        }

        return result;
    }

    private static void BindClient(ISchema schema)
    {
        Set<SandboxClient>(schema, "Client", "accountId", (c, _) => Money.FormatId(c.AccountId));
        Set<SandboxClient>(schema, "Client", "name", (c, _) => c.Name);
        Set<SandboxClient>(schema, "Client", "stage", (c, _) => c.Stage);
        Set<SandboxClient>(schema, "Client", "status", (c, _) => c.Status);
        Set<SandboxClient>(schema, "Client", "emailDomains", (c, _) => c.EmailDomains);
        Set<SandboxClient>(schema, "Client", "accountManager", (c, r) => Person(c.AccountManager, r));
        Set<SandboxClient>(schema, "Client", "primaryContact", (c, r) => Person(c.PrimaryContact, r));
        Set<SandboxClient>(schema, "Client", "secondaryContact", (c, r) => Person(c.SecondaryContact, r));
        Set<SandboxClient>(schema, "Client", "hqSite", (c, r) => SiteRef(r.Tenant, c.HqSiteId, r));
        Set<SandboxClient>(schema, "Client", "technicianGroups", (_, _) => Array.Empty<object>());
        Set<SandboxClient>(schema, "Client", "customFields", (_, _) => new Dictionary<string, object?>());
    }

    private static void BindSite(ISchema schema)
    {
        Set<SandboxSite>(schema, "ClientSite", "id", (s, _) => Money.FormatId(s.Id));
        Set<SandboxSite>(schema, "ClientSite", "name", (s, _) => s.Name);
        Set<SandboxSite>(schema, "ClientSite", "businessHour", (_, _) => Array.Empty<object>());
        Set<SandboxSite>(schema, "ClientSite", "holidayList", (_, _) => null);
        Set<SandboxSite>(schema, "ClientSite", "timezoneCode", (s, _) => s.TimezoneCode);
        Set<SandboxSite>(schema, "ClientSite", "working24x7", (s, _) => s.Working24x7);
        Set<SandboxSite>(schema, "ClientSite", "line1", (s, _) => s.Line1);
        Set<SandboxSite>(schema, "ClientSite", "line2", (s, _) => s.Line2);
        Set<SandboxSite>(schema, "ClientSite", "line3", (s, _) => s.Line3);
        Set<SandboxSite>(schema, "ClientSite", "city", (s, _) => s.City);
        Set<SandboxSite>(schema, "ClientSite", "postalCode", (s, _) => s.PostalCode);
        Set<SandboxSite>(schema, "ClientSite", "countryCode", (s, _) => s.CountryCode);
        Set<SandboxSite>(schema, "ClientSite", "stateCode", (s, _) => s.StateCode);
        Set<SandboxSite>(schema, "ClientSite", "contactNumber", (s, _) => s.ContactNumber);
        Set<SandboxSite>(schema, "ClientSite", "client", (s, r) => ClientRef(r.Tenant, s.ClientId, r));
        Set<SandboxSite>(schema, "ClientSite", "hq", (s, _) => s.Hq);
        Set<SandboxSite>(schema, "ClientSite", "installerInfo", (_, _) => Array.Empty<object>());
    }

    private static void BindInvoice(ISchema schema, bool withPaymentsExtension)
    {
        Set<SandboxInvoice>(schema, "Invoice", "invoiceId", (i, _) => Money.FormatId(i.InvoiceId));
        Set<SandboxInvoice>(schema, "Invoice", "displayId", (i, _) => i.DisplayId);
        Set<SandboxInvoice>(schema, "Invoice", "client", (i, r) => ClientRef(r.Tenant, i.ClientId, r));
        Set<SandboxInvoice>(schema, "Invoice", "site", (i, r) => SiteRef(r.Tenant, i.SiteId, r));
        Set<SandboxInvoice>(schema, "Invoice", "invoiceDate", (i, _) => Money.FormatDate(i.InvoiceDate));
        Set<SandboxInvoice>(schema, "Invoice", "dueDate", (i, _) => Money.FormatDate(i.DueDate));
        Set<SandboxInvoice>(schema, "Invoice", "statusEnum", (i, r) => i.ReadStatus(r.Today));
        Set<SandboxInvoice>(schema, "Invoice", "sentToClient", (i, _) => i.SentToClient);
        Set<SandboxInvoice>(schema, "Invoice", "items", (i, _) => i.Lines);
        Set<SandboxInvoice>(schema, "Invoice", "taxes", (i, _) => Taxes(i));
        Set<SandboxInvoice>(schema, "Invoice", "discountAmount", (i, _) => Money.Format(i.DiscountAmount));
        Set<SandboxInvoice>(schema, "Invoice", "additionalDiscount", (i, _) => Money.Format(i.AdditionalDiscount));
        Set<SandboxInvoice>(schema, "Invoice", "additionalDiscountRate",
            (i, _) => i.AdditionalDiscountRate is { } rate ? Money.FormatRate(rate) : null);
        Set<SandboxInvoice>(schema, "Invoice", "totalAmount", (i, _) => Money.Format(i.TotalAmount));
        Set<SandboxInvoice>(schema, "Invoice", "notes", (i, _) => i.Notes);
        Set<SandboxInvoice>(schema, "Invoice", "paymentDate", (i, _) => Money.FormatDate(i.PaymentDate));
        Set<SandboxInvoice>(schema, "Invoice", "paymentMethod", (i, r) => PaymentMethodRef(r.Tenant, i.PaymentMethodId, r));
        Set<SandboxInvoice>(schema, "Invoice", "paymentReference", (i, _) => i.PaymentReference);
        Set<SandboxInvoice>(schema, "Invoice", "invoicePaymentTerm", (i, r) => PaymentTermRef(r.Tenant, i.PaymentTermId, r));
        if (!withPaymentsExtension)
        {
            return;
        }

        Set<SandboxInvoice>(schema, "Invoice", "payments", (i, _) => i.Payments);
        Set<SandboxInvoice>(schema, "Invoice", "amountPaid", (i, _) => Money.Format(i.AmountPaid));
        Set<SandboxInvoice>(schema, "Invoice", "balanceDue", (i, _) => Money.Format(i.BalanceDue));
        Set<SandboxPayment>(schema, "InvoicePayment", "paymentId", (p, _) => Money.FormatId(p.PaymentId));
        Set<SandboxPayment>(schema, "InvoicePayment", "type", (p, _) => p.Type);
        Set<SandboxPayment>(schema, "InvoicePayment", "amount", (p, _) => Money.Format(p.Amount));
        Set<SandboxPayment>(schema, "InvoicePayment", "paymentDate", (p, _) => Money.FormatDate(p.PaymentDate));
        Set<SandboxPayment>(schema, "InvoicePayment", "paymentMethod", (p, r) => PaymentMethodRef(r.Tenant, p.PaymentMethodId, r));
        Set<SandboxPayment>(schema, "InvoicePayment", "paymentReference", (p, _) => p.PaymentReference);
    }

    private static void BindLine(ISchema schema)
    {
        Set<SandboxLine>(schema, "InvoiceItem", "itemId", (l, _) => Money.FormatId(l.ItemId));
        Set<SandboxLine>(schema, "InvoiceItem", "billedDate", (l, _) => Money.FormatDate(l.BilledDate));
        Set<SandboxLine>(schema, "InvoiceItem", "details", (l, _) => l.Details);
        Set<SandboxLine>(schema, "InvoiceItem", "quantity", (l, _) => Money.FormatQuantity(l.Quantity));
        Set<SandboxLine>(schema, "InvoiceItem", "unitPrice", (l, _) => Money.Format(l.UnitPrice));
        Set<SandboxLine>(schema, "InvoiceItem", "discountRate", (l, _) => l.DiscountRate is { } rate ? Money.FormatRate(rate) : null);
        Set<SandboxLine>(schema, "InvoiceItem", "amount", (l, _) => Money.Format(l.Amount));
        Set<SandboxLine>(schema, "InvoiceItem", "taxable", (l, _) => l.Taxable);
        Set<SandboxLine>(schema, "InvoiceItem", "tax", (l, r) => TaxRef(l.Tax, r));
        Set<SandboxLine>(schema, "InvoiceItem", "serviceItem", (l, r) => ServiceItemRef(l.ServiceItem, r));
        Set<SandboxLine>(schema, "InvoiceItem", "taxAmount", (l, _) => Money.Format(l.TaxAmount));
        Set<SandboxLine>(schema, "InvoiceItem", "totalAmount", (l, _) => Money.Format(l.TotalAmount));
        Set<SandboxLine>(schema, "InvoiceItem", "invoice", (l, _) => l.Invoice);
    }

    private static void BindTaxItem(ISchema schema)
    {
        Set<InvoiceTaxSummary>(schema, "InvoiceTaxItem", "id", (t, _) => Money.FormatId(t.Id));
        Set<InvoiceTaxSummary>(schema, "InvoiceTaxItem", "tax", (t, r) => TaxRef(t.Tax, r));
        Set<InvoiceTaxSummary>(schema, "InvoiceTaxItem", "taxRate", (t, _) => Money.FormatRate(t.Tax.RatePercent));
        Set<InvoiceTaxSummary>(schema, "InvoiceTaxItem", "taxableAmount", (t, _) => Money.Format(t.TaxableAmount));
        Set<InvoiceTaxSummary>(schema, "InvoiceTaxItem", "taxAmount", (t, _) => Money.Format(t.TaxAmount));
        Set<InvoiceTaxSummary>(schema, "InvoiceTaxItem", "rate", (t, r) => new Dictionary<string, object?>
        {
            ["rateId"] = r.JsonId(t.Tax.RateId),
            ["name"] = t.Tax.Name,
            ["rateValue"] = Money.FormatRate(t.Tax.RatePercent),
        });
    }
}

/// <summary>One tax of an invoice, summed over its taxable lines.</summary>
internal sealed record InvoiceTaxSummary(long Id, SandboxTax Tax, decimal TaxableAmount, decimal TaxAmount);
