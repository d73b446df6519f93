using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SuperOps.Sandbox.GraphQL;
using SuperOps.Sandbox.Model;

namespace SuperOps.Sandbox.Http;

/// <summary>The admin API under {prefix}/admin: tenants, their records, settings, faults and request counters.</summary>
internal static class AdminEndpoints
{
    private static readonly string[] FaultKinds = ["rate_limit", "internal_error", "http_500", "unauthorized", "timeout", "commit_then_drop"];
    private static readonly string[] StatusNames = ["DRAFT", "APPROVED", "PAID", "VOID", "OVERDUE"];

    public static void Map(IEndpointRouteBuilder app, string prefix)
    {
        var admin = prefix + "/admin/tenants";
        app.MapPost(admin, CreateTenantAsync).AllowAnonymous();
        app.MapGet(admin + "/{subdomain}/clients", ListClientsAsync).AllowAnonymous();
        app.MapPost(admin + "/{subdomain}/clients", CreateClientAsync).AllowAnonymous();
        app.MapDelete(admin + "/{subdomain}/clients/{accountId}", DeleteClientAsync).AllowAnonymous();
        app.MapGet(admin + "/{subdomain}/invoices", ListInvoicesAsync).AllowAnonymous();
        app.MapPost(admin + "/{subdomain}/invoices", CreateInvoiceAsync).AllowAnonymous();
        app.MapPatch(admin + "/{subdomain}/invoices/{invoiceId}", UpdateInvoiceAsync).AllowAnonymous();
        app.MapDelete(admin + "/{subdomain}/invoices/{invoiceId}", DeleteInvoiceAsync).AllowAnonymous();
        app.MapPost(admin + "/{subdomain}/invoices/{invoiceId}/payments", AddPaymentAsync).AllowAnonymous();
        app.MapGet(admin + "/{subdomain}/service-items", ListServiceItemsAsync).AllowAnonymous();
        app.MapGet(admin + "/{subdomain}/settings", GetSettings).AllowAnonymous();
        app.MapPut(admin + "/{subdomain}/settings", PutSettingsAsync).AllowAnonymous();
        app.MapGet(admin + "/{subdomain}/requests", GetRequests).AllowAnonymous();
        app.MapDelete(admin + "/{subdomain}/requests", ResetRequests).AllowAnonymous();
    }

    private static async Task<IResult> CreateTenantAsync(HttpRequest http, SandboxTenantStore store, ILogger<SandboxTenantStore> logger)
    {
        if (await AdminInput.ReadAsync(http) is not { } input)
        {
            return InvalidBody();
        }

        var subdomain = input.String("subdomain", required: true);
        var token = input.String("apiToken", required: true);
        var region = input.String("region", required: true);
        if (region is not null && region is not ("us" or "eu"))
        {
            input.Fail("region", $"region '{region}' is invalid; use \"us\" or \"eu\".");
        }

        var documentedOnly = input.Bool("documentedSchemaOnly") ?? false;
        SandboxSeed? seed = null;
        if (input.Body["seed"] is JsonObject seedNode)
        {
            var clients = input.Int("clients", 0, SandboxTenantStore.MaxClients, seedNode, "seed.clients");
            var perClient = input.Int("invoicesPerClient", 0, SandboxTenantStore.MaxInvoicesPerClient, seedNode, "seed.invoicesPerClient");
            var lines = input.Int("linesPerInvoice", 1, Seeding.TenantSeeder.MaxLinesPerInvoice, seedNode, "seed.linesPerInvoice");
            var randomSeed = input.Int("randomSeed", int.MinValue, int.MaxValue, seedNode, "seed.randomSeed");
            seed = new SandboxSeed(clients ?? 0, perClient ?? 0, lines ?? 3, randomSeed ?? 1);
        }
        else if (input.Body["seed"] is not null)
        {
            input.Fail("seed", "seed must be an object with clients, invoicesPerClient, linesPerInvoice and randomSeed.");
        }

        if (!input.IsValid)
        {
            return Invalid(input);
        }

        SandboxTenantCreated created;
        try
        {
            created = store.CreateTenant(new SandboxTenantSpec(subdomain!, token!, region!, documentedOnly, seed));
        }
        catch (SandboxTenantExistsException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Tenant exists", detail: exception.Message);
        }
        catch (ArgumentException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid tenant", detail: exception.Message);
        }

        SandboxLog.TenantCreated(logger, created.Subdomain, region!, created.Clients, created.Invoices, created.Lines);
        return Results.Json(
            new Dictionary<string, object?>
            {
                ["subdomain"] = created.Subdomain,
                ["clients"] = created.Clients,
                ["invoices"] = created.Invoices,
                ["lines"] = created.Lines,
            },
            statusCode: StatusCodes.Status201Created);
    }

    private static Task<IResult> ListClientsAsync(string subdomain, SandboxTenantStore store) =>
        WithTenantAsync(store, subdomain, (tenant, request) =>
            Task.FromResult(Results.Json(tenant.Clients.Items.Select(c => AdminJson.Client(c, request)).ToList())));

    private static Task<IResult> ListInvoicesAsync(string subdomain, SandboxTenantStore store) =>
        WithTenantAsync(store, subdomain, (tenant, request) =>
            Task.FromResult(Results.Json(tenant.Invoices.Items.Select(i => AdminJson.Invoice(i, request)).ToList())));

    private static Task<IResult> ListServiceItemsAsync(string subdomain, SandboxTenantStore store) =>
        WithTenantAsync(store, subdomain, (tenant, _) =>
            Task.FromResult(Results.Json(tenant.ServiceItems.Select(s => new Dictionary<string, object?>
            {
                ["itemId"] = Money.FormatId(s.ItemId),
                ["name"] = s.Name,
                ["quantityType"] = s.QuantityType == ServiceQuantityType.Hours ? "HOURS" : "UNITS",
                ["unitPrice"] = Money.Format(s.UnitPrice),
                ["salesTaxEnabled"] = s.Taxable,
            }).ToList())));

    private static async Task<IResult> CreateClientAsync(string subdomain, HttpRequest http, SandboxTenantStore store)
    {
        if (await AdminInput.ReadAsync(http) is not { } input)
        {
            return InvalidBody();
        }

        var name = input.String("name", required: true)?.Trim();
        var domains = new List<string>();
        if (input.Body["emailDomains"] is JsonArray array)
        {
            foreach (var node in array)
            {
                if (node is JsonValue value && value.TryGetValue<string>(out var domain) && !string.IsNullOrWhiteSpace(domain))
                {
                    domains.Add(domain.Trim());
                }
                else
                {
                    input.Fail("emailDomains", "emailDomains must be a list of non-empty strings.");
                }
            }
        }
        else if (input.Body["emailDomains"] is not null)
        {
            input.Fail("emailDomains", "emailDomains must be a list of strings.");
        }

        if (!input.IsValid)
        {
            return Invalid(input);
        }

        return await WithTenantAsync(store, subdomain, (tenant, request) =>
        {
            if (TenantOperations.NameConflict(tenant, name!) is not null)
            {
                return Task.FromResult(Conflict($"A client named '{name}' already exists in tenant '{tenant.Subdomain}'.", "name"));
            }

            if (TenantOperations.DomainConflict(tenant, domains) is { } usedDomain)
            {
                return Task.FromResult(Conflict($"Email domain '{usedDomain}' already belongs to another client.", "emailDomains"));
            }

            var client = TenantOperations.CreateClient(tenant, name!, domains, "Active", "Paid", tenant.Technicians.FirstOrDefault());
            TenantOperations.AddSite(tenant, client, new SandboxSite
            {
                Id = tenant.Ids.Next(),
                ClientId = client.AccountId,
                Name = "Headquarters",
                TimezoneCode = tenant.Region == "eu" ? "Europe/Dublin" : "America/New_York",
                Hq = true,
            });
            return Task.FromResult(Results.Json(AdminJson.Client(client, request), statusCode: StatusCodes.Status201Created));
        });
    }

    private static Task<IResult> DeleteClientAsync(string subdomain, string accountId, SandboxTenantStore store) =>
        WithTenantAsync(store, subdomain, (tenant, _) =>
        {
            if (!Money.TryParseId(accountId, out var id) || tenant.FindLiveClient(id) is not { } client)
            {
                return Task.FromResult(NotFound($"Client '{accountId}' does not exist in tenant '{tenant.Subdomain}'."));
            }

            // Deleting in the SuperOps UI moves the client to the trash, which restoreClients undoes.
            client.SoftDeleted = true;
            return Task.FromResult(Results.NoContent());
        });

    private static async Task<IResult> CreateInvoiceAsync(string subdomain, HttpRequest http, SandboxTenantStore store)
    {
        if (await AdminInput.ReadAsync(http) is not { } input)
        {
            return InvalidBody();
        }

        var clientText = input.String("clientAccountId", required: true);
        var invoiceDate = input.Date("invoiceDate", required: true);
        var dueDate = input.Date("dueDate");
        var status = ReadStatus(input, required: true);
        var items = ReadItems(input, required: true, store.Today);
        if (!input.IsValid)
        {
            return Invalid(input);
        }

        return await WithTenantAsync(store, subdomain, (tenant, request) =>
        {
            if (!Money.TryParseId(clientText, out var clientId) || tenant.FindLiveClient(clientId) is not { } client)
            {
                return Task.FromResult(FieldProblem("clientAccountId", $"clientAccountId '{clientText}' is not a live client of tenant '{tenant.Subdomain}'."));
            }

            var lines = items!.Select(i => i with { ServiceItem = i.ServiceItem ?? DefaultServiceItem(tenant, i) }).ToList();
            var invoice = TenantOperations.CreateInvoice(tenant, client, null, status!.Value, invoiceDate!.Value, dueDate, lines);
            return Task.FromResult(Results.Json(AdminJson.Invoice(invoice, request), statusCode: StatusCodes.Status201Created));
        });
    }

    private static async Task<IResult> UpdateInvoiceAsync(string subdomain, string invoiceId, HttpRequest http, SandboxTenantStore store)
    {
        if (await AdminInput.ReadAsync(http) is not { } input)
        {
            return InvalidBody();
        }

        var invoiceDate = input.Date("invoiceDate");
        var dueDate = input.Date("dueDate");
        var status = ReadStatus(input, required: false);
        var items = input.Has("items") ? ReadItems(input, required: true, store.Today) : null;
        if (!input.IsValid)
        {
            return Invalid(input);
        }

        return await WithTenantAsync(store, subdomain, (tenant, request) =>
        {
            if (!Money.TryParseId(invoiceId, out var id) || !tenant.Invoices.TryGet(id, out var invoice))
            {
                return Task.FromResult(NotFound($"Invoice '{invoiceId}' does not exist in tenant '{tenant.Subdomain}'."));
            }

            if (invoiceDate is { } newInvoiceDate)
            {
                invoice.InvoiceDate = newInvoiceDate;
            }

            if (input.Has("dueDate"))
            {
                invoice.DueDate = dueDate;
            }

            if (status is { } newStatus)
            {
                invoice.Status = newStatus;
            }

            if (items is not null)
            {
                var lines = items.Select(i => i with { ServiceItem = i.ServiceItem ?? DefaultServiceItem(tenant, i) }).ToList();
                TenantOperations.ReplaceLines(tenant, invoice, lines);
            }

            return Task.FromResult(Results.Json(AdminJson.Invoice(invoice, request)));
        });
    }

    private static Task<IResult> DeleteInvoiceAsync(string subdomain, string invoiceId, SandboxTenantStore store) =>
        WithTenantAsync(store, subdomain, (tenant, _) =>
        {
            if (!Money.TryParseId(invoiceId, out var id) || !tenant.Invoices.TryGet(id, out var invoice))
            {
                return Task.FromResult(NotFound($"Invoice '{invoiceId}' does not exist in tenant '{tenant.Subdomain}'."));
            }

            TenantOperations.DeleteInvoice(tenant, invoice);
            return Task.FromResult(Results.NoContent());
        });

    private static async Task<IResult> AddPaymentAsync(string subdomain, string invoiceId, HttpRequest http, SandboxTenantStore store)
    {
        if (await AdminInput.ReadAsync(http) is not { } input)
        {
            return InvalidBody();
        }

        var amount = input.Decimal("amount", required: true);
        if (amount is <= 0m)
        {
            input.Fail("amount", $"amount {amount} is invalid; it must be greater than zero.");
        }
        else if (amount is { } value && decimal.Round(value, 2) != value)
        {
            input.Fail("amount", $"amount {value} has more than two decimals; send cents at most, such as 12.50.");
        }

        var type = input.String("type") ?? "PAYMENT";
        if (type is not ("PAYMENT" or "CREDIT"))
        {
            input.Fail("type", $"type '{type}' is invalid; use PAYMENT or CREDIT.");
        }

        var paymentDate = input.Date("paymentDate");
        var reference = input.String("paymentReference");
        if (reference is { Length: > TenantOperations.MaxPaymentReferenceLength })
        {
            input.Fail("paymentReference", $"paymentReference is longer than {TenantOperations.MaxPaymentReferenceLength} characters.");
        }

        if (!input.IsValid)
        {
            return Invalid(input);
        }

        return await WithTenantAsync(store, subdomain, (tenant, request) =>
        {
            if (!Money.TryParseId(invoiceId, out var id) || !tenant.Invoices.TryGet(id, out var invoice))
            {
                return Task.FromResult(NotFound($"Invoice '{invoiceId}' does not exist in tenant '{tenant.Subdomain}'."));
            }

            if (invoice.Status is StoredInvoiceStatus.Paid or StoredInvoiceStatus.Void or StoredInvoiceStatus.Draft)
            {
                return Task.FromResult(Results.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Invoice not open",
                    detail: $"Invoice '{invoiceId}' is {invoice.ReadStatus(request.Today)}; payments can only be recorded on APPROVED or OVERDUE invoices."));
            }

            var payment = TenantOperations.AddPayment(tenant, invoice, type, amount!.Value, paymentDate ?? request.Today, reference);
            var body = AdminJson.Payment(payment, request);
            body["invoice"] = AdminJson.Invoice(invoice, request);
            return Task.FromResult(Results.Json(body, statusCode: StatusCodes.Status201Created));
        });
    }

    private static IResult GetSettings(string subdomain, SandboxTenantStore store)
    {
        if (store.Find(subdomain) is not { } tenant)
        {
            return TenantNotFound(subdomain);
        }

        lock (tenant.SettingsLock)
        {
            return Results.Json(AdminJson.Settings(tenant.Settings));
        }
    }

    private static async Task<IResult> PutSettingsAsync(string subdomain, HttpRequest http, SandboxTenantStore store)
    {
        if (store.Find(subdomain) is not { } tenant)
        {
            return TenantNotFound(subdomain);
        }

        if (await AdminInput.ReadAsync(http) is not { } input)
        {
            return InvalidBody();
        }

        var perMinute = input.Int("requestsPerMinute", 1, 1_000_000);
        var hasMoreNull = input.Bool("hasMoreNullOnLastPage");
        var numericIds = input.Bool("numericIdsInJson");
        List<FaultRule>? faults = null;
        if (input.Body["faults"] is JsonArray array)
        {
            faults = [];
            for (var i = 0; i < array.Count; i++)
            {
                if (ReadFault(input, array[i], $"faults[{i}]") is { } rule)
                {
                    faults.Add(rule);
                }
            }
        }
        else if (input.Body["faults"] is not null)
        {
            input.Fail("faults", "faults must be a list.");
        }

        if (!input.IsValid)
        {
            return Invalid(input);
        }

        lock (tenant.SettingsLock)
        {
            // Readers take the settings object under this lock, so replace it rather than mutate it.
            var current = tenant.Settings;
            tenant.Settings = new TenantSettings
            {
                RequestsPerMinute = perMinute ?? current.RequestsPerMinute,
                HasMoreNullOnLastPage = hasMoreNull ?? current.HasMoreNullOnLastPage,
                NumericIdsInJson = numericIds ?? current.NumericIdsInJson,
                Faults = faults ?? current.Faults,
            };
            return Results.Json(AdminJson.Settings(tenant.Settings));
        }
    }

    private static FaultRule? ReadFault(AdminInput input, JsonNode? node, string field)
    {
        if (node is not JsonObject fault)
        {
            input.Fail(field, $"{field} must be an object with kind and optional operation, page, times and probability.");
            return null;
        }

        var kind = input.String("kind", required: true, field: $"{field}.kind", source: fault);
        if (kind is not null && !FaultKinds.Contains(kind))
        {
            input.Fail($"{field}.kind", $"{field}.kind '{kind}' is invalid; use one of: {string.Join(", ", FaultKinds)}.");
        }

        var operation = input.String("operation", field: $"{field}.operation", source: fault);
        var page = input.Int("page", 1, int.MaxValue, fault, $"{field}.page");
        var times = input.Int("times", 1, int.MaxValue, fault, $"{field}.times");
        var probability = input.Double("probability", 0, 1, fault, $"{field}.probability");
        return kind is null ? null : new FaultRule { Kind = kind, Operation = operation, Page = page, Remaining = times, Probability = probability };
    }

    private static IResult GetRequests(string subdomain, SandboxTenantStore store)
    {
        if (store.Find(subdomain) is not { } tenant)
        {
            return TenantNotFound(subdomain);
        }

        var (total, byOperation, perMinuteMax) = tenant.Counters.Snapshot();
        return Results.Json(new Dictionary<string, object?>
        {
            ["total"] = total,
            ["byOperation"] = byOperation,
            ["perMinuteMax"] = perMinuteMax,
        });
    }

    private static IResult ResetRequests(string subdomain, SandboxTenantStore store)
    {
        if (store.Find(subdomain) is not { } tenant)
        {
            return TenantNotFound(subdomain);
        }

        tenant.Counters.Reset();
        return Results.NoContent();
    }

    private static StoredInvoiceStatus? ReadStatus(AdminInput input, bool required)
    {
        var text = input.String("statusEnum", required);
        if (text is null)
        {
            return null;
        }

        var status = TenantOperations.ParseStatus(text);
        if (status is null || !StatusNames.Contains(text))
        {
            input.Fail("statusEnum", $"statusEnum '{text}' is invalid; use one of: {string.Join(", ", StatusNames)}.");
            return null;
        }

        return status;
    }

    private static List<NewLine>? ReadItems(AdminInput input, bool required, DateOnly today)
    {
        if (input.Body["items"] is not JsonArray array || array.Count == 0)
        {
            if (required)
            {
                input.Fail("items", "items must be a non-empty list of {details, quantity, unitPrice}.");
            }

            return null;
        }

        var lines = new List<NewLine>();
        for (var i = 0; i < array.Count; i++)
        {
            var field = $"items[{i}]";
            if (array[i] is not JsonObject item)
            {
                input.Fail(field, $"{field} must be an object with details, quantity and unitPrice.");
                continue;
            }

            var details = input.String("details", field: $"{field}.details", source: item);
            var quantity = input.Decimal("quantity", required: true, source: item, field: $"{field}.quantity");
            var unitPrice = input.Decimal("unitPrice", required: true, source: item, field: $"{field}.unitPrice");
            var discountRate = input.Decimal("discountRate", source: item, field: $"{field}.discountRate");
            var taxable = item["taxable"] is JsonValue flag && flag.TryGetValue<bool>(out var isTaxable) && isTaxable;
            if (quantity is < 0m)
            {
                input.Fail($"{field}.quantity", $"{field}.quantity must not be negative.");
            }

            if (unitPrice is < 0m)
            {
                input.Fail($"{field}.unitPrice", $"{field}.unitPrice must not be negative.");
            }

            if (quantity is { } q && unitPrice is { } p)
            {
                lines.Add(new NewLine(today, details, q, p, discountRate, null, taxable, null, null));
            }
        }

        return lines;
    }

    private static SandboxServiceItem? DefaultServiceItem(SandboxTenant tenant, NewLine line) =>
        tenant.ServiceItems.FirstOrDefault(s => s.Taxable == line.Taxable);

    private static async Task<IResult> WithTenantAsync(
        SandboxTenantStore store, string subdomain, Func<SandboxTenant, SandboxRequestContext, Task<IResult>> action)
    {
        if (store.Find(subdomain) is not { } tenant)
        {
            return TenantNotFound(subdomain);
        }

        bool numericIds;
        lock (tenant.SettingsLock)
        {
            numericIds = tenant.Settings.NumericIdsInJson;
        }

        var request = new SandboxRequestContext
        {
            Tenant = tenant,
            Today = store.Today,
            Options = store.Options,
            NumericIdsInJson = numericIds,
            HasMoreNullOnLastPage = true,
        };

        await tenant.Lock.WaitAsync();
        try
        {
            return await action(tenant, request);
        }
        finally
        {
            // Admin reads clear it too; that costs one re-sort and keeps the rule simple.
            tenant.ListCache.Clear();
            tenant.Lock.Release();
        }
    }

    private static IResult Invalid(AdminInput input) =>
        Results.ValidationProblem(input.Errors, detail: $"Invalid fields: {string.Join(", ", input.Errors.Keys)}. Fix them and send the request again.");

    private static IResult InvalidBody() =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid body", detail: "The request body must be a JSON object.");

    private static IResult FieldProblem(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    private static IResult Conflict(string detail, string field) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });

    private static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    private static IResult TenantNotFound(string subdomain) =>
        NotFound($"Tenant '{subdomain}' does not exist; create it with POST /admin/tenants.");
}
