using AltPay.Domain;

namespace AltPay.Web.Api.Models;

public sealed record ConflictResponse(
    Guid Id,
    Guid InvoiceId,
    DateTimeOffset DetectedAt,
    string Field,
    string? AltPayValue,
    string? SuperOpsValue,
    bool Resolved);

public static class ConflictMapping
{
    public static ConflictResponse ToResponse(this Conflict conflict) => new(
        conflict.Id,
        conflict.InvoiceId,
        conflict.DetectedAt,
        conflict.Field,
        conflict.AltPayValue,
        conflict.SuperOpsValue,
        conflict.Resolved);
}
