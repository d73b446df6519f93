using Microsoft.AspNetCore.Http.Extensions;

namespace AltPay.Web.Dashboard;

/// <summary>Previous and next links of a paged list, keeping the other query values.</summary>
public sealed class Pager(int page, int pageSize, int totalCount, IQueryCollection? query)
{
    public static readonly Pager Empty = new(1, 1, 0, null);

    public int Page { get; } = page;

    public int TotalCount { get; } = totalCount;

    public int PageCount { get; } = Math.Max(1, (totalCount + pageSize - 1) / pageSize);

    public string? PreviousLink => Page > 1 ? Link(Page - 1) : null;

    public string? NextLink => Page < PageCount ? Link(Page + 1) : null;

    private string Link(int target)
    {
        var builder = new QueryBuilder();

        foreach (var (key, values) in query ?? new QueryCollection())
        {
            if (!string.Equals(key, "page", StringComparison.OrdinalIgnoreCase))
            {
                builder.Add(key, values.ToArray().OfType<string>());
            }
        }

        builder.Add("page", target.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return builder.ToQueryString().Value ?? "";
    }
}
