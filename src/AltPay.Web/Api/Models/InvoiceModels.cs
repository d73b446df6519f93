using AltPay.Domain;

namespace AltPay.Web.Api.Models;

// The wire shape leaves out the partner id and the last-applied SuperOps values kept for the three-way rule.
// NeedsReview is an extension of the documented shape: an invoice archived while it had AltPay payments.
public sealed record InvoiceResponse(
    Guid Id,
    string Number,
    Guid CustomerId,
    string Source,
    string? ExternalId,
    string Status,
    string Currency,
    decimal Total,
    decimal AmountPaid,
    decimal OutstandingBalance,
    DateOnly InvoiceDate,
    DateOnly? DueDate,
    bool PaidLocked,
    bool Archived,
    DateTimeOffset? ArchivedAt,
    string? ArchiveReason,
    WriteBackResponse WriteBack,
    IReadOnlyList<InvoiceLineResponse> Lines,
    DateTimeOffset UpdatedAt,
    bool NeedsReview);

public sealed record WriteBackResponse(string Status, DateTimeOffset? LastAttemptAt, string? Error);

public sealed record InvoiceLineResponse(string? Description, decimal Quantity, decimal UnitPrice, decimal Amount);

public sealed record TimelineEventResponse(DateTimeOffset At, string Kind, string Message, Guid? RunId);

public sealed record InvoiceLineRequest(string? Description, decimal? Quantity, decimal? UnitPrice);

public sealed record CreateInvoiceRequest(
    string? CustomerId,
    string? Number,
    DateOnly? InvoiceDate,
    DateOnly? DueDate,
    string? Currency,
    IReadOnlyList<InvoiceLineRequest?>? Lines);

public sealed record UpdateInvoiceRequest(DateOnly? DueDate, IReadOnlyList<InvoiceLineRequest?>? Lines);

public static class InvoiceMapping
{
    public static InvoiceResponse ToResponse(this Invoice invoice, DateOnly today)
    {
        var currency = invoice.Currency;

        return new InvoiceResponse(
            invoice.Id,
            invoice.Number,
            invoice.CustomerId,
            invoice.Source.ToApiName(),
            invoice.ExternalId,
            invoice.StatusOn(today).ToApiName(),
            currency,
            Money.FromMinorUnits(invoice.TotalMinor, currency),
            Money.FromMinorUnits(invoice.AmountPaidMinor, currency),
            Money.FromMinorUnits(invoice.OutstandingMinor, currency),
            invoice.InvoiceDate,
            invoice.DueDate,
            invoice.PaidLocked,
            invoice.IsArchived,
            invoice.ArchivedAt,
            invoice.ArchiveReason,
            new WriteBackResponse(invoice.WriteBackStatus.ToApiName(), invoice.WriteBackLastAttemptAt, invoice.WriteBackError),
            invoice.Lines
                .OrderBy(line => line.Position)
                .Select(line => new InvoiceLineResponse(
                    line.Description, line.Quantity, line.UnitPrice, Money.FromMinorUnits(line.AmountMinor, currency)))
                .ToList(),
            invoice.UpdatedAt,
            invoice.NeedsReview);
    }

    public static TimelineEventResponse ToResponse(this TimelineEvent timelineEvent) =>
        new(timelineEvent.At, timelineEvent.Kind, timelineEvent.Message, timelineEvent.RunId);
}
