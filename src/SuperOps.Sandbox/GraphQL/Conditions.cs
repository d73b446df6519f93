using System.Collections;
using System.Globalization;
using SuperOps.Sandbox.Model;

namespace SuperOps.Sandbox.GraphQL;

/// <summary>
/// Compiles a SuperOps condition, either a leaf <c>{attribute, operator, value}</c> or a group
/// <c>{joinOperator, operands}</c>, into a predicate. String comparisons ignore case.
/// </summary>
internal static class Conditions
{
    public static Func<T, bool> Compile<T>(object raw, ListAttributeSet<T> attributes, SandboxRequestContext context)
    {
        if (raw is not IDictionary<string, object?> node)
        {
            throw ClientErrorException.Invalid("condition", "condition must be an object with attribute, operator and value, or joinOperator and operands.");
        }

        if (node.TryGetValue("operands", out var rawOperands) && rawOperands is not null)
        {
            return CompileGroup(node, rawOperands, attributes, context);
        }

        var name = node.Get("attribute") as string;
        if (string.IsNullOrEmpty(name))
        {
            throw ClientErrorException.Missing("condition.attribute");
        }

        var op = node.Get("operator") as string;
        if (string.IsNullOrEmpty(op))
        {
            throw ClientErrorException.Missing("condition.operator");
        }

        var value = node.Get("value");
        ListAttribute<T> attribute;
        if (name == attributes.IdAttribute)
        {
            attribute = new ListAttribute<T>(name, AttributeKind.String, (item, _) => Money.FormatId(attributes.Id(item)));
        }
        else
        {
            attribute = attributes.Find(name) ?? throw new ClientErrorException(
                "type_validation_failed",
                $"Condition attribute '{name}' is not supported by {attributes.Operation}; use one of: {attributes.IdAttribute}, {string.Join(", ", attributes.Names)}.",
                new Dictionary<string, object?> { ["attributes"] = new[] { "condition.attribute" }, ["value"] = name });
        }

        var allowed = Operators.For(attribute.Kind);
        if (!allowed.Contains(op, StringComparer.Ordinal))
        {
            throw new ClientErrorException(
                "type_validation_failed",
                $"Condition operator '{op}' is not supported for attribute '{name}'; use one of: {string.Join(", ", allowed)}.",
                new Dictionary<string, object?> { ["attributes"] = new[] { "condition.operator" }, ["value"] = op });
        }

        return attribute.Kind switch
        {
            AttributeKind.Number => CompileNumber(attribute, op, value, context),
            AttributeKind.Date => CompileDate(attribute, op, value, context),
            AttributeKind.StringList => CompileStringList(attribute, op, value, context),
            _ => CompileString(attribute, op, value, context),
        };
    }

    private static Func<T, bool> CompileGroup<T>(
        IDictionary<string, object?> node, object rawOperands, ListAttributeSet<T> attributes, SandboxRequestContext context)
    {
        var join = (node.Get("joinOperator") as string ?? "AND").ToUpperInvariant();
        if (join is not ("AND" or "OR"))
        {
            throw ClientErrorException.Invalid("condition.joinOperator", $"joinOperator '{join}' is invalid; use AND or OR.");
        }

        if (rawOperands is not IEnumerable operands || rawOperands is string)
        {
            throw ClientErrorException.Invalid("condition.operands", "operands must be a list of conditions.");
        }

        var compiled = operands.Cast<object?>()
            .Select(o => o is null
                ? throw ClientErrorException.Invalid("condition.operands", "operands must not contain null.")
                : Compile(o, attributes, context))
            .ToArray();

        return join == "AND"
            ? item => Array.TrueForAll(compiled, predicate => predicate(item))
            : item => Array.Exists(compiled, predicate => predicate(item));
    }

    private static Func<T, bool> CompileString<T>(ListAttribute<T> attribute, string op, object? value, SandboxRequestContext context)
    {
        Func<T, string?> read = item => attribute.Read(item, context) as string;
        if (op is "isEmpty" or "isNotEmpty")
        {
            var empty = op == "isEmpty";
            return item => string.IsNullOrEmpty(read(item)) == empty;
        }

        if (op is "includes" or "notIncludes")
        {
            var set = new HashSet<string>(StringValues(value, attribute.Name, op), StringComparer.OrdinalIgnoreCase);
            var include = op == "includes";
            return item => read(item) is { } text ? set.Contains(text) == include : !include;
        }

        var expected = StringValue(value, attribute.Name, op);
        var match = StringMatcher(op, expected);
        return op is "isNot" or "notContains"
            ? item => !match(read(item) ?? "")
            : item => read(item) is { } text && match(text);
    }

    private static Func<T, bool> CompileStringList<T>(ListAttribute<T> attribute, string op, object? value, SandboxRequestContext context)
    {
        Func<T, IReadOnlyList<string>> read = item => attribute.Read(item, context) as IReadOnlyList<string> ?? [];
        if (op is "isEmpty" or "isNotEmpty")
        {
            var empty = op == "isEmpty";
            return item => (read(item).Count == 0) == empty;
        }

        if (op is "includes" or "notIncludes")
        {
            var set = new HashSet<string>(StringValues(value, attribute.Name, op), StringComparer.OrdinalIgnoreCase);
            var include = op == "includes";
            return item => read(item).Any(set.Contains) == include;
        }

        var expected = StringValue(value, attribute.Name, op);
        var match = StringMatcher(op, expected);
        return op is "isNot" or "notContains"
            ? item => !read(item).Any(match)
            : item => read(item).Any(match);
    }

    private static Func<string, bool> StringMatcher(string op, string expected) => op switch
    {
        "is" or "isNot" => text => string.Equals(text, expected, StringComparison.OrdinalIgnoreCase),
        "startsWith" => text => text.StartsWith(expected, StringComparison.OrdinalIgnoreCase),
        "endsWith" => text => text.EndsWith(expected, StringComparison.OrdinalIgnoreCase),
        _ => text => text.Contains(expected, StringComparison.OrdinalIgnoreCase),
    };

    private static Func<T, bool> CompileNumber<T>(ListAttribute<T> attribute, string op, object? value, SandboxRequestContext context)
    {
        Func<T, decimal?> read = item => attribute.Read(item, context) as decimal?;
        if (op is "isEmpty" or "isNotEmpty")
        {
            var empty = op == "isEmpty";
            return item => (read(item) is null) == empty;
        }

        var expected = NumberValue(value, attribute.Name, op);
        Func<decimal, bool> test = op switch
        {
            "is" => n => n == expected,
            "isNot" => n => n != expected,
            "greaterThan" => n => n > expected,
            "greaterThanOrEqual" => n => n >= expected,
            "lessThan" => n => n < expected,
            _ => n => n <= expected,
        };
        return item => read(item) is { } number && test(number);
    }

    private static Func<T, bool> CompileDate<T>(ListAttribute<T> attribute, string op, object? value, SandboxRequestContext context)
    {
        Func<T, DateOnly?> read = item => attribute.Read(item, context) as DateOnly?;
        if (op is "isEmpty" or "isNotEmpty")
        {
            var empty = op == "isEmpty";
            return item => (read(item) is null) == empty;
        }

        var today = context.Today;
        var (from, to) = op switch
        {
            "between" => BetweenRange(value, attribute.Name),
            "inLast" => RelativeRange(value, attribute.Name, op, today, forward: false),
            "inNext" => RelativeRange(value, attribute.Name, op, today, forward: true),
            _ => DateRange(value, attribute.Name, op, today),
        };

        Func<DateOnly, bool> test = op switch
        {
            "after" => d => d > to,
            "before" => d => d < from,
            _ => d => d >= from && d <= to,
        };
        return item => read(item) is { } date && test(date);
    }

    private static (DateOnly From, DateOnly To) BetweenRange(object? value, string attribute)
    {
        object? from = null, to = null;
        if (value is IDictionary<string, object?> range)
        {
            from = range.Get("from");
            to = range.Get("to");
        }
        else if (value is IList list && list.Count == 2)
        {
            from = list[0];
            to = list[1];
        }

        if (!TryParseDateValue(from as string, out var start) || !TryParseDateValue(to as string, out var end))
        {
            throw ClientErrorException.Invalid(
                "condition.value",
                $"Value of 'between' on '{attribute}' must be {{\"from\": \"yyyy-MM-dd\", \"to\": \"yyyy-MM-dd\"}} or [from, to].");
        }

        return (start, end);
    }

    private static (DateOnly From, DateOnly To) RelativeRange(object? value, string attribute, string op, DateOnly today, bool forward)
    {
        if (value is not IDictionary<string, object?> spec
            || spec.Get("unit") is not string unit
            || !TryConvertInt(spec.Get("quantity"), out var quantity)
            || quantity < 0)
        {
            throw ClientErrorException.Invalid(
                "condition.value",
                $"Value of '{op}' on '{attribute}' must be {{\"unit\": \"DAY\"|\"WEEK\"|\"MONTH\"|\"YEAR\", \"quantity\": n}}.");
        }

        var sign = forward ? 1 : -1;
        var other = unit.ToUpperInvariant() switch
        {
            "DAY" or "DAYS" => today.AddDays(sign * quantity),
            "WEEK" or "WEEKS" => today.AddDays(sign * 7 * quantity),
            "MONTH" or "MONTHS" => today.AddMonths(sign * quantity),
            "YEAR" or "YEARS" => today.AddYears(sign * quantity),
            _ => throw ClientErrorException.Invalid("condition.value", $"unit '{unit}' is invalid; use DAY, WEEK, MONTH or YEAR."),
        };
        return forward ? (today, other) : (other, today);
    }

    private static (DateOnly From, DateOnly To) DateRange(object? value, string attribute, string op, DateOnly today)
    {
        if (value is string text)
        {
            if (TryParseDateValue(text, out var date))
            {
                return (date, date);
            }

            if (Placeholder(text, today) is { } range)
            {
                return range;
            }
        }

        throw ClientErrorException.Invalid(
            "condition.value",
            $"Value '{value}' of '{op}' on '{attribute}' is invalid; use a yyyy-MM-dd date or a placeholder such as placeholder.today or placeholder.last.month.");
    }

    /// <summary>Date ranges for the placeholder values SuperOps accepts, weeks starting on Monday.</summary>
    private static (DateOnly From, DateOnly To)? Placeholder(string text, DateOnly today)
    {
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var yearStart = new DateOnly(today.Year, 1, 1);
        return text switch
        {
            "placeholder.today" => (today, today),
            "placeholder.yesterday" => (today.AddDays(-1), today.AddDays(-1)),
            "placeholder.tomorrow" => (today.AddDays(1), today.AddDays(1)),
            "placeholder.this.week" => (weekStart, weekStart.AddDays(6)),
            "placeholder.last.week" => (weekStart.AddDays(-7), weekStart.AddDays(-1)),
            "placeholder.next.week" => (weekStart.AddDays(7), weekStart.AddDays(13)),
            "placeholder.this.month" => (monthStart, monthStart.AddMonths(1).AddDays(-1)),
            "placeholder.last.month" => (monthStart.AddMonths(-1), monthStart.AddDays(-1)),
            "placeholder.next.month" => (monthStart.AddMonths(1), monthStart.AddMonths(2).AddDays(-1)),
            "placeholder.this.year" => (yearStart, yearStart.AddYears(1).AddDays(-1)),
            "placeholder.last.year" => (yearStart.AddYears(-1), yearStart.AddDays(-1)),
            _ => null,
        };
    }

    /// <summary>Accepts yyyy-MM-dd and, for datetime values, the date part of yyyy-MM-ddTHH:mm:ss.</summary>
    private static bool TryParseDateValue(string? text, out DateOnly date)
    {
        if (text is { Length: > 10 } && text[10] == 'T')
        {
            text = text[..10];
        }

        return Money.TryParseDate(text, out date);
    }

    private static string StringValue(object? value, string attribute, string op) => value switch
    {
        string text => text,
        long or int or decimal or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw ClientErrorException.Invalid("condition.value", $"Value of '{op}' on '{attribute}' must be a string."),
    };

    private static IEnumerable<string> StringValues(object? value, string attribute, string op)
    {
        if (value is IEnumerable list && value is not string)
        {
            return list.Cast<object?>().Select(v => StringValue(v, attribute, op)).ToList();
        }

        throw ClientErrorException.Invalid("condition.value", $"Value of '{op}' on '{attribute}' must be a list of strings.");
    }

    private static decimal NumberValue(object? value, string attribute, string op)
    {
        var number = value switch
        {
            int i => i,
            long l => l,
            decimal d => d,
            double d => (decimal)d,
            string s when Money.TryParse(s, out var parsed) => parsed,
            _ => (decimal?)null,
        };
        return number ?? throw ClientErrorException.Invalid("condition.value", $"Value '{value}' of '{op}' on '{attribute}' must be a number.");
    }

    private static bool TryConvertInt(object? value, out int result)
    {
        switch (value)
        {
            case int i:
                result = i;
                return true;
            case long l when l is >= int.MinValue and <= int.MaxValue:
                result = (int)l;
                return true;
            case string s:
                return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out result);
            default:
                result = 0;
                return false;
        }
    }
}
