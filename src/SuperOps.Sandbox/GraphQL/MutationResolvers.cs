using System.Collections;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using SuperOps.Sandbox.Model;

namespace SuperOps.Sandbox.GraphQL;

/// <summary>Resolvers of the Mutation fields the sandbox implements. Each validates all input before changing anything.</summary>
internal static class MutationResolvers
{
    public static void Bind(ISchema schema)
    {
        Set(schema, "updateInvoice", UpdateInvoice);
        Set(schema, "createInvoice", CreateInvoice);
        Set(schema, "createClientV2", CreateClient);
        Set(schema, "softDeleteClients", (ctx, r) => SetSoftDeleted(ctx, r, deleted: true));
        Set(schema, "restoreClients", (ctx, r) => SetSoftDeleted(ctx, r, deleted: false));
    }

    private static void Set(ISchema schema, string field, Func<IResolveFieldContext, SandboxRequestContext, object?> resolve)
    {
        var fieldType = schema.Mutation!.GetField(field)!;
        fieldType.Resolver = new FuncFieldResolver<object?>(ctx =>
        {
            var request = TypeResolvers.Request(ctx);
            try
            {
                return resolve(ctx, request);
            }
            finally
            {
                // Cleared even when the mutation fails, because a failure after a partial change is still a change.
                request.Tenant.ListCache.Clear();
            }
        });
    }

    private static object? UpdateInvoice(IResolveFieldContext context, SandboxRequestContext request)
    {
        var tenant = request.Tenant;
        var input = QueryResolvers.Input(context);
        var id = QueryResolvers.RequireId(input, "invoiceId", "Invoice");
        if (!tenant.Invoices.TryGet(id, out var invoice))
        {
            throw ClientErrorException.NotFound("Invoice", "invoiceId", Money.FormatId(id));
        }

        var status = input!.TryGetValue("statusEnum", out var rawStatus) && rawStatus is not null
            ? TenantOperations.ParseStatus(rawStatus.ToString())
                ?? throw ClientErrorException.Invalid("statusEnum", $"statusEnum '{rawStatus}' is invalid.")
            : (StoredInvoiceStatus?)null;
        if (status == StoredInvoiceStatus.Paid && invoice.Status == StoredInvoiceStatus.Void)
        {
            throw new ClientErrorException(
                "dependent_validation_failed",
                $"Invoice '{Money.FormatId(id)}' is VOID and cannot be marked PAID.",
                new Dictionary<string, object?> { ["attributes"] = new[] { "statusEnum" }, ["currentStatus"] = "VOID" });
        }

        var invoiceDate = OptionalDate(input, "invoiceDate");
        var dueDate = OptionalDate(input, "dueDate");
        var paymentDate = OptionalDate(input, "paymentDate");
        var reference = input.TryGetValue("paymentReference", out var rawReference) ? rawReference as string : null;
        if (reference is { Length: > TenantOperations.MaxPaymentReferenceLength })
        {
            throw new ClientErrorException(
                "value_length_exceeds_limit",
                $"paymentReference is {reference.Length} characters long; the limit is {TenantOperations.MaxPaymentReferenceLength}.",
                new Dictionary<string, object?>
                {
                    ["attributes"] = new[] { "paymentReference" },
                    ["maxLength"] = TenantOperations.MaxPaymentReferenceLength,
                });
        }

        var methodId = OptionalReference(input, "paymentMethod", "paymentMethodId",
            raw => tenant.PaymentMethods.Exists(m => m.PaymentMethodId == raw));
        var termId = OptionalReference(input, "invoicePaymentTerm", "paymentTermId",
            raw => tenant.PaymentTerms.Exists(t => t.PaymentTermId == raw));

        if (invoiceDate is { Value: { } newInvoiceDate })
        {
            invoice.InvoiceDate = newInvoiceDate;
        }

        if (dueDate is { } due)
        {
            invoice.DueDate = due.Value;
        }

        if (paymentDate is { } paid)
        {
            invoice.PaymentDate = paid.Value;
        }

        if (input.ContainsKey("paymentReference"))
        {
            invoice.PaymentReference = reference;
        }

        if (methodId is { } method)
        {
            invoice.PaymentMethodId = method.Value;
        }

        if (termId is { } term)
        {
            invoice.PaymentTermId = term.Value;
        }

        if (status is { } newStatus)
        {
            invoice.Status = newStatus;
            if (newStatus == StoredInvoiceStatus.Paid && invoice.PaymentDate is null)
            {
                invoice.PaymentDate = request.Today;
            }

            if (newStatus != StoredInvoiceStatus.Draft)
            {
                invoice.SentToClient = true;
            }
        }

        return invoice;
    }

    private static object? CreateInvoice(IResolveFieldContext context, SandboxRequestContext request)
    {
        var tenant = request.Tenant;
        var input = QueryResolvers.Input(context)!;
        var clientId = QueryResolvers.RequireId(input.Get("client") as IDictionary<string, object?>, "accountId", "Client");
        var client = tenant.FindLiveClient(clientId) ?? throw ReferenceMissing("client.accountId", Money.FormatId(clientId));
        var siteId = QueryResolvers.RequireId(input.Get("site") as IDictionary<string, object?>, "id", "ClientSite");
        if (!tenant.Sites.TryGet(siteId, out var site) || site.ClientId != client.AccountId)
        {
            throw ReferenceMissing("site.id", Money.FormatId(siteId));
        }

        var status = TenantOperations.ParseStatus(input.Get("statusEnum")?.ToString())
            ?? throw ClientErrorException.Missing("statusEnum");
        var invoiceDate = OptionalDate(input, "invoiceDate")?.Value ?? throw ClientErrorException.Missing("invoiceDate");
        var dueDate = OptionalDate(input, "dueDate")?.Value;
        var termId = OptionalReference(input, "paymentTerm", "paymentTermId", raw => tenant.PaymentTerms.Exists(t => t.PaymentTermId == raw));

        var rawItems = input.Get("addItems") as IEnumerable ?? Array.Empty<object>();
        var lines = new List<NewLine>();
        var index = 0;
        foreach (var raw in rawItems)
        {
            lines.Add(ReadLine(tenant, raw as IDictionary<string, object?> ?? throw ClientErrorException.Missing($"addItems[{index}]"), index));
            index++;
        }

        if (lines.Count == 0)
        {
            throw ClientErrorException.Missing("addItems");
        }

        var additionalDiscount = OptionalMoney(input, "additionalDiscount");
        var additionalDiscountRate = OptionalMoney(input, "additionalDiscountRate");

        var invoice = TenantOperations.CreateInvoice(tenant, client, site.Id, status, invoiceDate, dueDate, lines);
        invoice.Notes = input.Get("memo") as string;
        invoice.PaymentTermId = termId?.Value;
        invoice.AdditionalDiscountRate = additionalDiscountRate;
        invoice.AdditionalDiscount = additionalDiscount
            ?? (additionalDiscountRate is { } rate ? Money.Round(invoice.LinesAmount * rate / 100m) : 0m);
        invoice.Recalculate();
        return invoice;
    }

    private static NewLine ReadLine(SandboxTenant tenant, IDictionary<string, object?> item, int index)
    {
        var prefix = $"addItems[{index}]";
        var billedDate = OptionalDate(item, "billedDate", prefix)?.Value ?? throw ClientErrorException.Missing($"{prefix}.billedDate");
        var serviceId = QueryResolvers.RequireId(item.Get("serviceItem") as IDictionary<string, object?>, "itemId", "ServiceItem");
        var serviceItem = tenant.ServiceItems.Find(s => s.ItemId == serviceId)
            ?? throw ReferenceMissing($"{prefix}.serviceItem.itemId", Money.FormatId(serviceId));
        var quantity = OptionalMoney(item, "quantity", prefix) ?? throw ClientErrorException.Missing($"{prefix}.quantity");
        var unitPrice = OptionalMoney(item, "unitPrice", prefix) ?? throw ClientErrorException.Missing($"{prefix}.unitPrice");
        var taxable = item.Get("taxable") as bool? ?? false;
        SandboxTax? tax = null;
        if (item.Get("tax") is IDictionary<string, object?> taxInput)
        {
            var taxId = QueryResolvers.RequireId(taxInput, "taxId", "Tax");
            tax = tenant.Taxes.Find(t => t.TaxId == taxId) ?? throw ReferenceMissing($"{prefix}.tax.taxId", Money.FormatId(taxId));
        }

        return new NewLine(
            billedDate,
            item.Get("details") as string,
            quantity,
            unitPrice,
            OptionalMoney(item, "discountRate", prefix),
            OptionalMoney(item, "discountAmount", prefix),
            taxable,
            tax,
            serviceItem);
    }

    private static object? CreateClient(IResolveFieldContext context, SandboxRequestContext request)
    {
        var tenant = request.Tenant;
        var input = QueryResolvers.Input(context)!;
        var name = (input.Get("name") as string)?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw ClientErrorException.Missing("name");
        }

        if (TenantOperations.NameConflict(tenant, name) is not null)
        {
            throw Unique("name", name);
        }

        var domains = (input.Get("emailDomains") as IEnumerable)?.Cast<object?>()
            .Select(d => d?.ToString()).OfType<string>().ToList() ?? [];
        if (TenantOperations.DomainConflict(tenant, domains) is { } takenDomain)
        {
            throw Unique("emailDomains", takenDomain);
        }

        var stageName = input.Get("stage") as string ?? "Active";
        var stage = tenant.ClientStages.Find(s => string.Equals(s.Name, stageName, StringComparison.OrdinalIgnoreCase))
            ?? throw ReferenceMissing("stage", stageName);
        var statusName = input.Get("status") as string ?? stage.Statuses.FirstOrDefault()?.Name;
        var status = statusName is null
            ? null
            : stage.Statuses.FirstOrDefault(s => string.Equals(s.Name, statusName, StringComparison.OrdinalIgnoreCase))
                ?? throw ReferenceMissing("status", statusName);

        SandboxPerson? manager = null;
        if (input.Get("accountManager") is IDictionary<string, object?> managerInput)
        {
            var userId = QueryResolvers.RequireId(managerInput, "userId", "Technician");
            manager = tenant.Technicians.Find(t => t.UserId == userId) ?? throw ReferenceMissing("accountManager.userId", Money.FormatId(userId));
        }

        var hq = input.Get("hqSite") as IDictionary<string, object?> ?? throw ClientErrorException.Missing("hqSite");
        var siteName = hq.Get("name") as string;
        var timezone = hq.Get("timezoneCode") as string;
        if (string.IsNullOrEmpty(siteName))
        {
            throw ClientErrorException.Missing("hqSite.name");
        }

        if (string.IsNullOrEmpty(timezone))
        {
            throw ClientErrorException.Missing("hqSite.timezoneCode");
        }

        var client = TenantOperations.CreateClient(tenant, name, domains, stage.Name, status?.Name, manager);
        TenantOperations.AddSite(tenant, client, new SandboxSite
        {
            Id = tenant.Ids.Next(),
            ClientId = client.AccountId,
            Name = siteName,
            TimezoneCode = timezone,
            Working24x7 = hq.Get("working24x7") as bool? ?? false,
            Line1 = hq.Get("line1") as string,
            Line2 = hq.Get("line2") as string,
            Line3 = hq.Get("line3") as string,
            City = hq.Get("city") as string,
            PostalCode = hq.Get("postalCode") as string,
            CountryCode = hq.Get("countryCode") as string,
            StateCode = hq.Get("stateCode") as string,
            Hq = true,
        });
        return client;
    }

    private static object? SetSoftDeleted(IResolveFieldContext context, SandboxRequestContext request, bool deleted)
    {
        var tenant = request.Tenant;
        var targets = new List<SandboxClient>();
        var index = 0;
        foreach (var raw in QueryResolvers.InputList(context))
        {
            var id = QueryResolvers.RequireId(raw as IDictionary<string, object?>, "accountId", "Client");
            if (!tenant.Clients.TryGet(id, out var client) || client.SoftDeleted == deleted)
            {
                throw new ClientErrorException(
                    "entity_does_not_exist",
                    deleted
                        ? $"Client with accountId '{Money.FormatId(id)}' does not exist."
                        : $"Client with accountId '{Money.FormatId(id)}' is not in the trash.",
                    new Dictionary<string, object?> { ["attributes"] = new[] { "accountId" }, ["index"] = index, ["value"] = Money.FormatId(id) });
            }

            targets.Add(client);
            index++;
        }

        foreach (var client in targets)
        {
            client.SoftDeleted = deleted;
        }

        return true;
    }


    /// <summary>Reads an optional date: null when absent, a value holding null when explicitly cleared.</summary>
    private static Optional<DateOnly?>? OptionalDate(IDictionary<string, object?> input, string name, string? prefix = null)
    {
        if (!input.TryGetValue(name, out var raw))
        {
            return null;
        }

        if (raw is null)
        {
            return new Optional<DateOnly?>(null);
        }

        var attribute = prefix is null ? name : $"{prefix}.{name}";
        return Money.TryParseDate(raw.ToString(), out var date)
            ? new Optional<DateOnly?>(date)
            : throw ClientErrorException.Invalid(attribute, $"{attribute} '{raw}' is invalid; use yyyy-MM-dd.");
    }

    private static decimal? OptionalMoney(IDictionary<string, object?> input, string name, string? prefix = null)
    {
        var raw = input.Get(name);
        if (raw is null)
        {
            return null;
        }

        var attribute = prefix is null ? name : $"{prefix}.{name}";
        return Money.TryParse(raw.ToString(), out var value) && value >= 0
            ? value
            : throw ClientErrorException.Invalid(attribute, $"{attribute} '{raw}' is invalid; use a non-negative decimal string such as \"12.50\".");
    }

    private static Optional<long?>? OptionalReference(IDictionary<string, object?> input, string name, string idName, Func<long, bool> exists)
    {
        if (!input.TryGetValue(name, out var raw))
        {
            return null;
        }

        if (raw is null)
        {
            return new Optional<long?>(null);
        }

        var id = QueryResolvers.RequireId(raw as IDictionary<string, object?>, idName, name);
        return exists(id) ? new Optional<long?>(id) : throw ReferenceMissing($"{name}.{idName}", Money.FormatId(id));
    }

    private static ClientErrorException ReferenceMissing(string attribute, string value) =>
        new("referred_value_does_not_exist", $"{attribute} '{value}' does not refer to an existing record.",
            new Dictionary<string, object?> { ["attributes"] = new[] { attribute }, ["value"] = value });

    private static ClientErrorException Unique(string attribute, string value) =>
        new("unique_validation_failed", $"{attribute} '{value}' is already used by another client.",
            new Dictionary<string, object?> { ["attributes"] = new[] { attribute }, ["value"] = value });

    /// <summary>A value that was given, possibly as null, as opposed to an absent one.</summary>
    private readonly record struct Optional<T>(T Value);
}
