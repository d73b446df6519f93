using AltPay.Domain;
using AltPay.Web.Api.Models;

namespace AltPay.Web.Api;

/// <summary>Validates invoice lines and dates sent to the API, collecting one message per bad field.</summary>
internal static class InvoiceInput
{
    private const int MaxLines = 500;

    private const int MaxDescriptionLength = 2000;

    // Keeps every amount far inside the range of long minor units.
    private const decimal MaxLineAmount = 1_000_000_000_000m;

    /// <summary>Returns the lines as domain lines, or adds errors keyed <c>lines</c> or <c>lines[i].field</c>.</summary>
    public static List<InvoiceLine> ReadLines(
        IReadOnlyList<InvoiceLineRequest?>? lines, string currency, Guid partnerId, Dictionary<string, string[]> errors)
    {
        var result = new List<InvoiceLine>();

        if (lines is null || lines.Count == 0)
        {
            errors["lines"] = ["The invoice has no lines; send at least one line with description, quantity and unitPrice."];
            return result;
        }

        if (lines.Count > MaxLines)
        {
            errors["lines"] = [$"The invoice has {lines.Count} lines; send at most {MaxLines}."];
            return result;
        }

        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var key = $"lines[{index}]";

            if (line is null)
            {
                errors[key] = [$"Line {index} is null; send an object with description, quantity and unitPrice."];
                continue;
            }

            var valid = true;

            if (line.Description is { Length: > MaxDescriptionLength })
            {
                errors[key + ".description"] = [$"The description of line {index} has {line.Description.Length} characters; use at most {MaxDescriptionLength}."];
                valid = false;
            }

            if (line.Quantity is not { } quantity || quantity <= 0)
            {
                errors[key + ".quantity"] = [$"The quantity of line {index} is '{line.Quantity}'; send a number above 0, such as 1 or 2.5."];
                valid = false;
            }

            if (line.UnitPrice is not { } unitPrice || unitPrice < 0)
            {
                errors[key + ".unitPrice"] = [$"The unitPrice of line {index} is '{line.UnitPrice}'; send a number of 0 or more, such as 125.50."];
                valid = false;
            }
            else if (HasMoreDecimals(unitPrice, Money.MinorDigits(currency)))
            {
                errors[key + ".unitPrice"] = [$"The unitPrice {unitPrice} of line {index} has more decimals than {currency} allows ({Money.MinorDigits(currency)})."];
                valid = false;
            }

            if (!valid)
            {
                continue;
            }

            // Checked before multiplying, because the product of two large decimals overflows.
            var lineQuantity = line.Quantity!.Value;
            var price = line.UnitPrice!.Value;
            if (lineQuantity > 0 && price > MaxLineAmount / lineQuantity)
            {
                errors[key] = [$"Line {index} amounts to more than {MaxLineAmount} ({lineQuantity} x {price}); a line may amount to at most {MaxLineAmount}."];
                continue;
            }

            var amount = lineQuantity * price;

            result.Add(new InvoiceLine
            {
                Id = Guid.NewGuid(),
                PartnerId = partnerId,
                Description = line.Description,
                Quantity = line.Quantity.Value,
                UnitPrice = line.UnitPrice.Value,
                AmountMinor = Money.ToMinorUnitsRounded(amount, currency),
            });
        }

        return result;
    }

    private static bool HasMoreDecimals(decimal value, int digits) => decimal.Round(value, digits) != value;
}
