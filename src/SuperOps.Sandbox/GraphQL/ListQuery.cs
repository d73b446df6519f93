using System.Collections;
using System.Globalization;
using System.Text.Json;
using SuperOps.Sandbox.Model;

namespace SuperOps.Sandbox.GraphQL;

/// <summary>
/// Applies a <c>ListInfoInput</c> (page, pageSize, condition, sort) to records kept in id order and
/// builds the page and its <c>ListInfo</c> in SuperOps' format.
/// </summary>
internal static class ListQuery
{
    public static (List<T> Page, Dictionary<string, object?> ListInfo) Run<T>(
        IReadOnlyList<T> source,
        Func<T, bool>? scope,
        string scopeKey,
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
        var sortKeys = BuildSort(rawSort, attributes);

        IReadOnlyList<T> matches;
        string? cacheKey = null;
        if (filter is null && scope is null && sortKeys is null)
        {
            matches = source;
        }
        else if (context.Tenant.ListCache.TryGet(
            cacheKey = CacheKey(attributes.Operation, scopeKey, rawCondition, rawSort, context), out var cached))
        {
            matches = (IReadOnlyList<T>)cached;
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

            matches = sortKeys is null ? list : Sort(list, sortKeys, attributes, context);
            context.Tenant.ListCache.Add(cacheKey, matches);
        }

        var skip = (long)(page - 1) * pageSize;
        var pageItems = new List<T>(Math.Min(pageSize, Math.Max(0, matches.Count - (int)Math.Min(skip, matches.Count))));
        for (var i = (int)Math.Min(skip, matches.Count); i < matches.Count && pageItems.Count < pageSize; i++)
        {
            pageItems.Add(matches[i]);
        }

        object? hasMore = skip + pageSize < matches.Count;
        if (hasMore is false && context.HasMoreNullOnLastPage)
        {
            hasMore = null;
        }

        var listInfo = new Dictionary<string, object?>
        {
            ["page"] = page,
            ["pageSize"] = pageSize,
            ["sort"] = EchoSort(rawSort),
            ["condition"] = rawCondition,
            ["hasMore"] = hasMore,
            ["totalCount"] = matches.Count,
        };
        return (pageItems, listInfo);
    }

    /// <summary>
    /// Identifies a filtered or sorted result so the next page of the same list reuses it. Today is part
    /// of the key because OVERDUE and relative dates change with it.
    /// </summary>
    private static string CacheKey(string operation, string scopeKey, object? rawCondition, object? rawSort, SandboxRequestContext context) =>
        string.Join(
            '|',
            operation,
            scopeKey,
            JsonSerializer.Serialize(rawCondition),
            JsonSerializer.Serialize(rawSort),
            context.Today.DayNumber.ToString(CultureInfo.InvariantCulture));

    public static int? ReadInt(IDictionary<string, object?>? input, string name) =>
        input?.Get(name) switch
        {
            null => null,
            int i => i,
            long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
            IConvertible c => c.ToInt32(CultureInfo.InvariantCulture),
            _ => null,
        };

    private static List<(Func<T, SandboxRequestContext, object?> Read, bool Descending)>? BuildSort<T>(
        object? rawSort, ListAttributeSet<T> attributes)
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

        return keys.Count == 0 ? null : keys;
    }

    /// <summary>
    /// Sorts by the given keys, reading each key once per record. Ties fall back to id order, because
    /// Array.Sort is unstable and pages must stay stable.
    /// </summary>
    private static List<T> Sort<T>(
        List<T> items,
        List<(Func<T, SandboxRequestContext, object?> Read, bool Descending)> keys,
        ListAttributeSet<T> attributes,
        SandboxRequestContext context)
    {
        var values = new object?[keys.Count][];
        for (var k = 0; k < keys.Count; k++)
        {
            values[k] = new object?[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                values[k][i] = keys[k].Read(items[i], context);
            }
        }

        var order = new int[items.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            for (var k = 0; k < keys.Count; k++)
            {
                var result = CompareValues(values[k][a], values[k][b]);
                if (result != 0)
                {
                    return keys[k].Descending ? -result : result;
                }
            }

            return attributes.Id(items[a]).CompareTo(attributes.Id(items[b]));
        });

        var sorted = new List<T>(items.Count);
        foreach (var index in order)
        {
            sorted.Add(items[index]);
        }

        return sorted;
    }

    /// <summary>Orders values with nulls first; strings compare case-insensitively.</summary>
    private static int CompareValues(object? a, object? b)
    {
        if (a is null && b is null)
        {
            return 0;
        }

        if (a is null)
        {
            return -1;
        }

        if (b is null)
        {
            return 1;
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
