using System.Globalization;
using AltPay.Domain;
using AltPay.Web.Api.Models;

namespace AltPay.Web.Api;

/// <summary>Parses route and query values, raising a 400 that names the value and the accepted form.</summary>
public static class ApiInput
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 100;

    public static Guid ParseId(string? value, string field = "id")
    {
        if (Guid.TryParse(value, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        throw ApiProblemException.BadRequest(
            field,
            $"The {field} '{value}' is not a valid id; use an id exactly as the API returned it, such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.");
    }

    public static Guid? ParseOptionalId(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null : ParseId(value, field);

    /// <summary>Returns the page and page size; page starts at 1 and the size is 1 to 100 (default 50).</summary>
    public static (int Page, int PageSize) ParsePaging(string? page, string? pageSize)
    {
        var pageNumber = ParseInt(page, "page", 1, int.MaxValue, 1);
        var size = ParseInt(pageSize, "pageSize", 1, MaxPageSize, DefaultPageSize);
        return (pageNumber, size);
    }

    public static int ParseInt(string? value, string field, int minimum, int maximum, int defaultValue)
    {
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum)
        {
            return number;
        }

        var range = maximum == int.MaxValue ? $"a whole number from {minimum}" : $"a whole number from {minimum} to {maximum}";
        throw ApiProblemException.BadRequest(field, $"The {field} '{value}' is invalid; use {range}.");
    }

    public static bool? ParseBool(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return bool.TryParse(value, out var flag)
            ? flag
            : throw ApiProblemException.BadRequest(field, $"The {field} '{value}' is invalid; use true or false.");
    }

    public static RecordSource? ParseSource(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return ApiNames.TryParseSource(value, out var source)
            ? source
            : throw ApiProblemException.BadRequest(
                "source",
                $"The source '{value}' is unknown; use one of: {string.Join(", ", ApiNames.Sources)}.");
    }

    public static InvoiceStatus? ParseInvoiceStatus(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (InvoiceStatusNames.TryParseApiName(value, out var status))
        {
            return status;
        }

        var allowed = string.Join(", ", Enum.GetValues<InvoiceStatus>().Select(candidate => candidate.ToApiName()));
        throw ApiProblemException.BadRequest("status", $"The status '{value}' is unknown; use one of: {allowed}.");
    }

    public static DateOnly Today(this TimeProvider timeProvider) =>
        DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
}
