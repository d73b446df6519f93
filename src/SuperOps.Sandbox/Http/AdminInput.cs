using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuperOps.Sandbox.Model;

namespace SuperOps.Sandbox.Http;

/// <summary>Reads an admin request body field by field and collects an error per invalid field.</summary>
internal sealed class AdminInput(JsonObject body)
{
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public bool IsValid => Errors.Count == 0;

    public JsonObject Body => body;

    public static async Task<AdminInput?> ReadAsync(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) is JsonObject body
                ? new AdminInput(body)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public bool Has(string name) => body.ContainsKey(name);

    public void Fail(string field, string message) => Errors[field] = [message];

    public string? String(string name, bool required = false, string? field = null, JsonObject? source = null)
    {
        field ??= name;
        var node = (source ?? body)[name];
        if (node is null)
        {
            if (required)
            {
                Fail(field, $"{field} is missing.");
            }

            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (required && string.IsNullOrWhiteSpace(text))
            {
                Fail(field, $"{field} is empty.");
            }

            return text;
        }

        Fail(field, $"{field} must be a string.");
        return null;
    }

    public bool? Bool(string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<bool>(out var flag))
        {
            return flag;
        }

        Fail(name, $"{name} must be true or false.");
        return null;
    }

    public int? Int(string name, int min, int max, JsonObject? source = null, string? field = null)
    {
        field ??= name;
        var node = (source ?? body)[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<int>(out var number) && number >= min && number <= max)
        {
            return number;
        }

        Fail(field, $"{field} '{node.ToJsonString()}' is invalid; use a whole number from {min} to {max}.");
        return null;
    }

    public double? Double(string name, double min, double max, JsonObject source, string field)
    {
        var node = source[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<double>(out var number) && number >= min && number <= max)
        {
            return number;
        }

        Fail(field, $"{field} '{node.ToJsonString()}' is invalid; use a number from {min} to {max}.");
        return null;
    }

    /// <summary>Reads an amount given as a JSON number or a decimal string, keeping it exact.</summary>
    // Larger values would overflow the sums and products of money the tenant computes later.
    private const decimal MaxDecimal = 1_000_000_000_000m;

    public decimal? Decimal(string name, bool required = false, JsonObject? source = null, string? field = null)
    {
        field ??= name;
        var number = ParseDecimal(name, required, source, field);
        if (number is { } value && Math.Abs(value) > MaxDecimal)
        {
            Fail(field, $"{field} {value} is too large; use at most {MaxDecimal}.");
            return null;
        }

        return number;
    }

    private decimal? ParseDecimal(string name, bool required, JsonObject? source, string field)
    {
        var node = (source ?? body)[name];
        if (node is null)
        {
            if (required)
            {
                Fail(field, $"{field} is missing.");
            }

            return null;
        }

        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number
                && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            if (value.TryGetValue<string>(out var text) && Money.TryParse(text, out number))
            {
                return number;
            }
        }

        Fail(field, $"{field} '{node.ToJsonString()}' is invalid; use a number such as 1250.00.");
        return null;
    }

    public DateOnly? Date(string name, bool required = false, string? field = null)
    {
        field ??= name;
        var text = String(name, required, field);
        if (text is null)
        {
            return null;
        }

        if (Money.TryParseDate(text, out var date))
        {
            return date;
        }

        Fail(field, $"{field} '{text}' is invalid; use yyyy-MM-dd.");
        return null;
    }
}
