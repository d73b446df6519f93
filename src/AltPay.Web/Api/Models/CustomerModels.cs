using AltPay.Domain;

namespace AltPay.Web.Api.Models;

// The wire shape leaves out the partner id and the sync bookkeeping (hashes, sweep run ids).
public sealed record CustomerResponse(
    Guid Id,
    string Name,
    string? Email,
    string Source,
    string? ExternalId,
    bool Archived,
    DateTimeOffset? ArchivedAt,
    string? ArchiveReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record CreateCustomerRequest(string? Name, string? Email);

public static class CustomerMapping
{
    public static CustomerResponse ToResponse(this Customer customer) => new(
        customer.Id,
        customer.Name,
        customer.Email,
        customer.Source.ToApiName(),
        customer.ExternalId,
        customer.IsArchived,
        customer.ArchivedAt,
        customer.ArchiveReason,
        customer.CreatedAt,
        customer.UpdatedAt);
}
