using System.Text.Json;
using AltPay.Domain;
using AltPay.SuperOps;

namespace AltPay.Sync;

/// <summary>
/// Matches an AltPay payment method to a SuperOps payment method by name. A connection may set its own
/// name per method as JSON (<c>{"card": "Visa/Mastercard"}</c>); methods without one try common names.
/// </summary>
public static class PaymentMethodMatcher
{
    private static readonly Dictionary<PaymentMethod, string[]> DefaultNames = new()
    {
        [PaymentMethod.Card] = ["Credit Card", "Card", "Debit Card"],
        [PaymentMethod.Ach] = ["ACH", "Bank Transfer", "Direct Debit"],
        [PaymentMethod.Check] = ["Check", "Cheque"],
        [PaymentMethod.Cash] = ["Cash"],
        [PaymentMethod.Other] = ["Other"],
    };

    public static SuperOpsPaymentMethod? Match(PaymentMethod method, IReadOnlyList<SuperOpsPaymentMethod> superOpsMethods, string? mapJson)
    {
        foreach (var name in NamesFor(method, mapJson))
        {
            var match = superOpsMethods.FirstOrDefault(candidate => string.Equals(candidate.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>Parses a connection's method map; throws <see cref="FormatException"/> naming the problem when it is not a JSON object of strings.</summary>
    public static Dictionary<string, string> ParseMap(string? mapJson)
    {
        if (string.IsNullOrWhiteSpace(mapJson))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(mapJson) ?? [];
        }
        catch (JsonException exception)
        {
            throw new FormatException("The payment method map must be a JSON object such as {\"card\": \"Credit Card\"}.", exception);
        }
    }

    private static IEnumerable<string> NamesFor(PaymentMethod method, string? mapJson)
    {
        var key = method.ToString().ToLowerInvariant();
        // A configured name is the partner's choice, so the common names are not tried behind it.
        if (ParseMap(mapJson).TryGetValue(key, out var configured))
        {
            yield return configured.Trim();
            yield break;
        }

        foreach (var name in DefaultNames[method])
        {
            yield return name;
        }
    }
}
