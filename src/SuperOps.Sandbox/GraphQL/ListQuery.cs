using System.Collections;
using System.Globalization;
using SuperOps.Sandbox.Model;

namespace SuperOps.Sandbox.GraphQL;

/// <summary>
/// Applies a <c>ListInfoInput</c> (page, pageSize, condition, sort) to records kept in id order and
/// builds the page and its <c>ListInfo</c> the way SuperOps answers.
/// </summary>
internal static class ListQuery
{
    public static (List<T> Page, Dictionary<string, object?> ListInfo) Run<T>(
        IReadOnlyList<T> source,
        Func<T, bool>? scope,
        ListAttributeSet<T> attributes,
        IDictionary<string, object?>? input,
        SandboxRequestContext context)
    {
        var page = ReadInt(input, "page") ?? 1;
        var requestedSize = ReadInt(input, "pageSize") ?? context.Options.DefaultPageSize;
        if (page < 1)
        {
            throw ClientErrorException.Invalid("page", $"page {page} is invalid; pages start at 1.");
        }

        if (requestedSize < 1)
        {
            throw ClientErrorException.Invalid("pageSize", $"pageSize {requestedSize} is invalid; use 1 to {context.Options.MaxPageSize}.");
        }

        var pageSize = Math.Min(requestedSize, context.Options.MaxPageSize);
        var rawCondition = input?.Get("condition");
        var rawSort = input?.Get("sort");
        var filter = rawCondition is null ? null : Conditions.Compile(rawCondition, attributes, context);
        var comparison = BuildSort(rawSort, attributes, context);

        IReadOnlyList<T> matches;
        if (filter is null && scope is null && comparison is null)
        {
            matches = source;
        }
        else
        {
            var list = new List<T>();
            foreach (var item in source)
            {
                if ((scope is null || scope(item)) && (filter is null || filter(item)))
                {
                    list.Add(item);
                }
            }

            if (comparison is not null)
            {
                // List.Sort is unstable, so ties fall back to id order, which keeps pages stable.
                list.Sort(comparison);
            }

            matches = list;
        }

        var skip = (long)(page - 1) * pageSize;
        var pageItems = new List<T>(Math.Min(pageSize, Math.Max(0, matches.Count - (int)Math.Min(skip, matches.Count))));
        for (var i = (int)Math.Min(skip, matches.Count); i < matches.Count && pageItems.Count < pageSize; i++)
        {
            pageItems.Add(matches[i]);
        }

        var hasMore = skip + pageSize < matches.Count;
        var listInfo = new Dictionary<string, object?>
        {
            ["page"] = page,
            ["pageSize"] = pageSize,
            ["sort"] = EchoSort(rawSort),
            ["condition"] = rawCondition,
            ["hasMore"] = hasMore ? true : context.HasMoreNullOnLastPage ? null : false,
            ["totalCount"] = matches.Count,
        };
        return (pageItems, listInfo);
    }

    public static int? ReadInt(IDictionary<string, object?>? input, string name) =>
        input?.Get(name) switch
        {
            null => null,
            int i => i,
            long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
            IConvertible c => c.ToInt32(CultureInfo.InvariantCulture),
            _ => null,
        };

    private static Comparison<T>? BuildSort<T>(object? rawSort, ListAttributeSet<T> attributes, SandboxRequestContext context)
    {
        if (rawSort is not IEnumerable sorts || rawSort is string)
        {
            return null;
        }

        var keys = new List<(Func<T, SandboxRequestContext, object?> Read, bool Descending)>();
        foreach (var entry in sorts)
        {
            if (entry is not IDictionary<string, object?> sort)
            {
                continue;
            }

            var name = sort.Get("attribute") as string;
            var descending = string.Equals(sort.Get("order")?.ToString(), "DESC", StringComparison.Ordinal);
            if (name == attributes.IdAttribute)
            {
                keys.Add(((item, _) => attributes.Id(item), descending));
                continue;
            }

            var attribute = attributes.Find(name ?? "")
                ?? throw new ClientErrorException(
                    "type_validation_failed",
                    $"Sort attribute '{name}' is not supported by {attributes.Operation}; use one of: {attributes.IdAttribute}, {string.Join(", ", attributes.Names)}.",
                    new Dictionary<string, object?> { ["attributes"] = new[] { "sort.attribute" }, ["value"] = name });
            keys.Add((attribute.Read, descending));
        }

        if (keys.Count == 0)
        {
            return null;
        }

        return (a, b) =>
        {
            foreach (var (read, descending) in keys)
            {
                var result = CompareValues(read(a, context), read(b, context));
                if (result != 0)
                {
                    return descending ? -result : result;
                }
            }

            return attributes.Id(a).CompareTo(attributes.Id(b));
        };
    }

    /// <summary>Orders values with nulls first; strings compare case-insensitively.</summary>
    private static int CompareValues(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        return (a, b) switch
        {
            (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
            (decimal x, decimal y) => x.CompareTo(y),
            (DateOnly x, DateOnly y) => x.CompareTo(y),
            (long x, long y) => x.CompareTo(y),
            (IReadOnlyList<string> x, IReadOnlyList<string> y) =>
                string.Compare(x.FirstOrDefault(), y.FirstOrDefault(), StringComparison.OrdinalIgnoreCase),
            _ => string.Compare(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase),
        };
    }

    private static List<Dictionary<string, object?>>? EchoSort(object? rawSort)
    {
        if (rawSort is not IEnumerable sorts || rawSort is string)
        {
            return null;
        }

        return sorts.OfType<IDictionary<string, object?>>()
            .Select(s => new Dictionary<string, object?>
            {
                ["attribute"] = s.Get("attribute"),
                ["order"] = s.Get("order")?.ToString() ?? "ASC",
            })
            .ToList();
    }
}
