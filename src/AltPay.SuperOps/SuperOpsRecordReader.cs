using System.Globalization;
using System.Text.Json;

namespace AltPay.SuperOps;

/// <summary>
/// Reads SuperOps JSON into typed records. Ids are taken from the raw JSON text, so a bare number keeps every
/// digit; money is read as <see cref="decimal"/> with the invariant culture; dates are <c>yyyy-MM-dd</c>.
/// A value that does not fit throws <see cref="SuperOpsResponseException"/> naming the field and the value.
/// </summary>
internal static class SuperOpsRecordReader
{
    public static SuperOpsClientRecord ReadClient(JsonElement element, string path) => new(
        AccountId: RequiredId(element, "accountId", path),
        Name: RequiredString(element, "name", path),
        Stage: OptionalString(element, "stage", path),
        Status: OptionalString(element, "status", path),
        EmailDomains: StringList(element, "emailDomains", path),
        PrimaryContactName: NestedString(element, "primaryContact", "name", path),
        HqSiteName: NestedString(element, "hqSite", "name", path));

    public static SuperOpsInvoiceRecord ReadInvoice(JsonElement element, string path, bool includePayments)
    {
        var client = Property(element, "client");
        var paymentMethod = Property(element, "paymentMethod");

        return new SuperOpsInvoiceRecord(
            InvoiceId: RequiredId(element, "invoiceId", path),
            DisplayId: RequiredString(element, "displayId", path),
            ClientAccountId: IsObject(client) ? OptionalId(client, "accountId", path + ".client") : null,
            ClientName: IsObject(client) ? OptionalString(client, "name", path + ".client") : null,
            InvoiceDate: RequiredDate(element, "invoiceDate", path),
            DueDate: OptionalDate(element, "dueDate", path),
            Status: RequiredStatus(element, "statusEnum", path),
            TotalAmount: RequiredMoney(element, "totalAmount", path),
            PaymentDate: OptionalDate(element, "paymentDate", path),
            PaymentMethodId: IsObject(paymentMethod) ? OptionalId(paymentMethod, "paymentMethodId", path + ".paymentMethod") : null,
            PaymentMethodName: IsObject(paymentMethod) ? PaymentMethodName(paymentMethod, path + ".paymentMethod") : null,
            PaymentReference: OptionalString(element, "paymentReference", path),
            AmountPaid: includePayments ? OptionalMoney(element, "amountPaid", path) : null,
            BalanceDue: includePayments ? OptionalMoney(element, "balanceDue", path) : null,
            Payments: includePayments ? ReadPayments(element, path) : null);
    }

    public static SuperOpsInvoiceLineRecord ReadInvoiceLine(JsonElement element, string path)
    {
        var invoice = Property(element, "invoice");
        if (!IsObject(invoice))
        {
            throw Malformed(path + ".invoice", invoice, "is missing; every invoice line must name its invoice");
        }

        return new SuperOpsInvoiceLineRecord(
            ItemId: RequiredId(element, "itemId", path),
            InvoiceId: RequiredId(invoice, "invoiceId", path + ".invoice"),
            Details: OptionalString(element, "details", path),
            Quantity: RequiredMoney(element, "quantity", path),
            UnitPrice: RequiredMoney(element, "unitPrice", path),
            Amount: RequiredMoney(element, "amount", path));
    }

    public static SuperOpsPaymentMethod ReadPaymentMethod(JsonElement element, string path) => new(
        RequiredId(element, "paymentMethodId", path),
        RequiredString(element, "paymentMethodName", path));

    public static string ReadIdOnly(JsonElement element, string idField, string path) => RequiredId(element, idField, path);

    private static List<SuperOpsInvoicePayment>? ReadPayments(JsonElement invoice, string path)
    {
        var payments = Property(invoice, "payments");
        if (payments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (payments.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(path + ".payments", payments, "is not a list");
        }

        var result = new List<SuperOpsInvoicePayment>(payments.GetArrayLength());
        var index = 0;
        foreach (var payment in payments.EnumerateArray())
        {
            var itemPath = $"{path}.payments[{index++}]";
            if (payment.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(itemPath, payment, "is not an object");
            }

            result.Add(new SuperOpsInvoicePayment(
                PaymentId: RequiredId(payment, "paymentId", itemPath),
                Type: RequiredString(payment, "type", itemPath),
                Amount: RequiredMoney(payment, "amount", itemPath),
                PaymentDate: OptionalDate(payment, "paymentDate", itemPath),
                PaymentReference: OptionalString(payment, "paymentReference", itemPath)));
        }

        return result;
    }

    // The JSON shape of Invoice.paymentMethod is not documented; SuperOps' PaymentMethod type calls the name
    // paymentMethodName and other JSON associations call it name, so both are accepted.
    private static string? PaymentMethodName(JsonElement paymentMethod, string path) =>
        OptionalString(paymentMethod, "paymentMethodName", path) ?? OptionalString(paymentMethod, "name", path);

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static bool IsObject(JsonElement element) => element.ValueKind == JsonValueKind.Object;

    private static string RequiredId(JsonElement element, string name, string path) =>
        OptionalId(element, name, path) ?? throw Malformed($"{path}.{name}", Property(element, name), "is missing");

    private static string? OptionalId(JsonElement element, string name, string path)
    {
        var value = Property(element, name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var text = value.GetString()!;
                return text.Length > 0 ? text : throw Malformed($"{path}.{name}", value, "is empty");
            case JsonValueKind.Number:
                // A bare number would lose digits through double: keep its JSON text, which must be an integer.
                var raw = value.GetRawText();
                return raw.All(char.IsAsciiDigit) ? raw : throw Malformed($"{path}.{name}", value, "is not a whole number");
            default:
                throw Malformed($"{path}.{name}", value, "is neither a string nor a number");
        }
    }

    private static string RequiredString(JsonElement element, string name, string path) =>
        OptionalString(element, name, path) ?? throw Malformed($"{path}.{name}", Property(element, name), "is missing");

    private static string? OptionalString(JsonElement element, string name, string path)
    {
        var value = Property(element, name);
        return value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => throw Malformed($"{path}.{name}", value, "is not a string"),
        };
    }

    private static string? NestedString(JsonElement element, string objectName, string name, string path)
    {
        var nested = Property(element, objectName);
        return nested.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.Object => OptionalString(nested, name, $"{path}.{objectName}"),
            _ => throw Malformed($"{path}.{objectName}", nested, "is not an object"),
        };
    }

    private static List<string> StringList(JsonElement element, string name, string path)
    {
        var value = Property(element, name);
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Malformed($"{path}.{name}", value, "is not a list");
        }

        var result = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                result.Add(item.GetString()!);
            }
            else if (item.ValueKind != JsonValueKind.Null)
            {
                throw Malformed($"{path}.{name}", value, "contains a value that is not a string");
            }
        }

        return result;
    }

    private static decimal RequiredMoney(JsonElement element, string name, string path) =>
        OptionalMoney(element, name, path) ?? throw Malformed($"{path}.{name}", Property(element, name), "is missing");

    private static decimal? OptionalMoney(JsonElement element, string name, string path)
    {
        var value = Property(element, name);
        var text = value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Malformed($"{path}.{name}", value, "is not a decimal number"),
        };

        if (text is null)
        {
            return null;
        }

        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        return decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw Malformed($"{path}.{name}", value, "is not a decimal number such as 1250.25");
    }

    private static DateOnly RequiredDate(JsonElement element, string name, string path) =>
        OptionalDate(element, name, path) ?? throw Malformed($"{path}.{name}", Property(element, name), "is missing");

    private static DateOnly? OptionalDate(JsonElement element, string name, string path)
    {
        var value = Property(element, name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String when value.GetString() is var text && DateOnly.TryParseExact(
                text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return date;
            default:
                throw Malformed($"{path}.{name}", value, "is not a date in the form yyyy-MM-dd");
        }
    }

    private static SuperOpsInvoiceStatus RequiredStatus(JsonElement element, string name, string path)
    {
        var value = Property(element, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString() switch
        {
            "DRAFT" => SuperOpsInvoiceStatus.Draft,
            "APPROVED" => SuperOpsInvoiceStatus.Approved,
            "PAID" => SuperOpsInvoiceStatus.Paid,
            "OVERDUE" => SuperOpsInvoiceStatus.Overdue,
            "VOID" => SuperOpsInvoiceStatus.Void,
            _ => throw Malformed($"{path}.{name}", value, "is not one of DRAFT, APPROVED, PAID, OVERDUE, VOID"),
        }
        : throw Malformed($"{path}.{name}", value, value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? "is missing" : "is not a string");
    }

    internal static string ToGraphQLStatus(SuperOpsInvoiceStatus status) => status switch
    {
        SuperOpsInvoiceStatus.Draft => "DRAFT",
        SuperOpsInvoiceStatus.Approved => "APPROVED",
        SuperOpsInvoiceStatus.Paid => "PAID",
        SuperOpsInvoiceStatus.Overdue => "OVERDUE",
        SuperOpsInvoiceStatus.Void => "VOID",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown invoice status."),
    };

    private static SuperOpsResponseException Malformed(string field, JsonElement value, string problem)
    {
        var text = value.ValueKind == JsonValueKind.Undefined ? null : Shorten(value.GetRawText());
        return new SuperOpsResponseException(
            $"SuperOps returned an invalid value for {field}: {text ?? "(absent)"} {problem}. The record cannot be read until SuperOps returns a valid value.",
            field,
            text);
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : string.Concat(text.AsSpan(0, 100), "…");
}
