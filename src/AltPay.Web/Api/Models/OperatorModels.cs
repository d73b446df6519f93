namespace AltPay.Web.Api.Models;

public sealed record CreatePartnerRequest(string? Name);

public sealed record CreatePartnerResponse(Guid Id, string Name, string ApiKey, string AdminEmail, string AdminPassword);
