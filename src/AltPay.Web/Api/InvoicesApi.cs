using System.Globalization;
using System.Security.Claims;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Api.Models;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Api;

public static class InvoicesApi
{
    private const int MaxNumberLength = 100;

    public static RouteGroupBuilder MapInvoicesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/invoices");

        group.MapGet("/", ListInvoices);
        group.MapGet("/{id}", GetInvoice);
        group.MapGet("/{id}/timeline", GetTimeline);
        group.MapPost("/", CreateInvoice).RequireAuthorization(AuthorizationPolicies.Operate);
        group.MapPatch("/{id}", UpdateInvoice).RequireAuthorization(AuthorizationPolicies.Operate);

        return group;
    }

    private static async Task<Ok<PagedList<InvoiceResponse>>> ListInvoices(
        AltPayDbContext db,
        ClaimsPrincipal user,
        TimeProvider timeProvider,
        string? status,
        string? customerId,
        string? source,
        string? archived,
        string? page,
        string? pageSize,
        CancellationToken cancellationToken)
    {
        var statusFilter = ApiInput.ParseInvoiceStatus(status);
        var customerFilter = ApiInput.ParseOptionalId(customerId, "customerId");
        var sourceFilter = ApiInput.ParseSource(source);
        var archivedFilter = ApiInput.ParseBool(archived, "archived") ?? false;
        var (pageNumber, size) = ApiInput.ParsePaging(page, pageSize);
        var today = timeProvider.Today();

        db.ForPartner(user.GetPartnerId());
        var query = db.Invoices.AsNoTracking()
            .Where(invoice => (invoice.ArchivedAt != null) == archivedFilter);

        if (statusFilter is { } wantedStatus)
        {
            query = InvoiceQueries.WhereStatusOn(query, wantedStatus, today);
        }

        if (customerFilter is { } wantedCustomer)
        {
            query = query.Where(invoice => invoice.CustomerId == wantedCustomer);
        }

        if (sourceFilter is { } wantedSource)
        {
            query = query.Where(invoice => invoice.Source == wantedSource);
        }

        var totalCount = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(invoice => invoice.InvoiceDate).ThenBy(invoice => invoice.Number).ThenBy(invoice => invoice.Id)
            .Skip((pageNumber - 1) * size).Take(size)
            .Include(invoice => invoice.Lines)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new PagedList<InvoiceResponse>(
            items.Select(invoice => invoice.ToResponse(today)).ToList(), pageNumber, size, totalCount));
    }

    private static async Task<Ok<InvoiceResponse>> GetInvoice(
        string id, AltPayDbContext db, ClaimsPrincipal user, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var invoiceId = ApiInput.ParseId(id);

        db.ForPartner(user.GetPartnerId());
        var invoice = await FindAsync(db.Invoices.AsNoTracking(), invoiceId, cancellationToken);

        return TypedResults.Ok(invoice.ToResponse(timeProvider.Today()));
    }

    private static async Task<Ok<List<TimelineEventResponse>>> GetTimeline(
        string id, AltPayDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var invoiceId = ApiInput.ParseId(id);

        db.ForPartner(user.GetPartnerId());

        if (!await db.Invoices.AnyAsync(invoice => invoice.Id == invoiceId, cancellationToken))
        {
            throw ApiProblemException.NotFound("invoice", invoiceId);
        }

        var events = await db.TimelineEvents.AsNoTracking()
            .Where(timelineEvent => timelineEvent.InvoiceId == invoiceId)
            .OrderBy(timelineEvent => timelineEvent.At).ThenBy(timelineEvent => timelineEvent.Id)
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(events.Select(timelineEvent => timelineEvent.ToResponse()).ToList());
    }

    private static async Task<Created<InvoiceResponse>> CreateInvoice(
        CreateInvoiceRequest? request,
        AltPayDbContext db,
        ClaimsPrincipal user,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var partnerId = user.GetPartnerId();
        db.ForPartner(partnerId);

        var errors = new Dictionary<string, string[]>();
        Guid? customerId = null;

        if (string.IsNullOrEmpty(request?.CustomerId))
        {
            errors["customerId"] = ["The customerId is missing; send the id of one of your customers."];
        }
        else if (Guid.TryParse(request.CustomerId, CultureInfo.InvariantCulture, out var parsed))
        {
            customerId = parsed;
        }
        else
        {
            errors["customerId"] = [$"The customerId '{request.CustomerId}' is not a valid id; send an id as the customers API returns it."];
        }

        if (request?.InvoiceDate is null)
        {
            errors["invoiceDate"] = ["The invoiceDate is missing; send a date as yyyy-MM-dd."];
        }

        if (request?.DueDate is null)
        {
            errors["dueDate"] = ["The dueDate is missing; send a date as yyyy-MM-dd, on or after the invoiceDate."];
        }
        else if (request.InvoiceDate is { } invoiceDate && request.DueDate < invoiceDate)
        {
            errors["dueDate"] = [$"The dueDate {request.DueDate:yyyy-MM-dd} is before the invoiceDate {invoiceDate:yyyy-MM-dd}; send a due date on or after it."];
        }

        var currency = request?.Currency?.Trim() ?? await DefaultCurrencyAsync(db, cancellationToken);

        if (!Money.IsCurrencyCode(currency))
        {
            errors["currency"] = [$"The currency '{currency}' is not an ISO 4217 code; send three capital letters such as USD or EUR."];
            currency = Money.DefaultCurrency;
        }

        var number = request?.Number?.Trim();

        if (number is { Length: > MaxNumberLength })
        {
            errors["number"] = [$"The number has {number.Length} characters; use at most {MaxNumberLength}."];
        }

        var lines = InvoiceInput.ReadLines(request?.Lines, currency, partnerId, errors);

        if (errors.Count > 0)
        {
            throw ApiProblemException.Invalid(errors);
        }

        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(row => row.Id == customerId, cancellationToken);

        if (customer is null || customer.IsArchived)
        {
            var reason = customer is null ? "does not exist in your account" : "is archived";
            throw ApiProblemException.Unprocessable(
                "customerId",
                $"The customer '{customerId}' {reason}; create the invoice for an active customer from the customers list.");
        }

        var now = timeProvider.GetUtcNow();
        var invoice = new Invoice
        {
            Id = Guid.NewGuid(),
            PartnerId = partnerId,
            CustomerId = customer.Id,
            Number = string.IsNullOrEmpty(number) ? await NextNumberAsync(db, cancellationToken) : number,
            Source = RecordSource.AltPay,
            Currency = currency,
            InvoiceDate = request!.InvoiceDate!.Value,
            DueDate = request.DueDate,
            CreatedAt = now,
            UpdatedAt = now,
        };
        invoice.ReplaceLinesFromAltPay(lines, now);

        db.Invoices.Add(invoice);
        db.TimelineEvents.Add(new TimelineEvent
        {
            Id = Guid.NewGuid(),
            PartnerId = partnerId,
            InvoiceId = invoice.Id,
            At = now,
            Kind = TimelineKinds.Created,
            Message = $"Created in AltPay with {lines.Count} lines.",
        });
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/v1/invoices/{invoice.Id}", invoice.ToResponse(timeProvider.Today()));
    }

    private static async Task<Ok<InvoiceResponse>> UpdateInvoice(
        string id,
        UpdateInvoiceRequest? request,
        AltPayDbContext db,
        ClaimsPrincipal user,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var invoiceId = ApiInput.ParseId(id);
        var partnerId = user.GetPartnerId();
        db.ForPartner(partnerId);

        // The write transaction starts before the read, so a payment or refresh cannot change the
        // invoice between the editable check and the edit.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invoice = await FindAsync(db.Invoices, invoiceId, cancellationToken);

        if (invoice.WhyNotEditable() is { } reason)
        {
            throw ApiProblemException.Conflict($"The invoice {invoice.Number} cannot be changed. {reason}");
        }

        if (request?.DueDate is null && request?.Lines is null)
        {
            throw ApiProblemException.BadRequest("dueDate", "The request changes nothing; send dueDate, lines or both.");
        }

        var errors = new Dictionary<string, string[]>();

        if (request.DueDate is { } dueDate && dueDate < invoice.InvoiceDate)
        {
            errors["dueDate"] = [$"The dueDate {dueDate:yyyy-MM-dd} is before the invoiceDate {invoice.InvoiceDate:yyyy-MM-dd}; send a due date on or after it."];
        }

        var lines = request.Lines is null ? null : InvoiceInput.ReadLines(request.Lines, invoice.Currency, partnerId, errors);

        if (errors.Count > 0)
        {
            throw ApiProblemException.Invalid(errors);
        }

        var now = timeProvider.GetUtcNow();
        var changes = new List<string>();

        if (request.DueDate is { } newDueDate)
        {
            invoice.EditDueDate(newDueDate, now);
            changes.Add($"due date set to {newDueDate:yyyy-MM-dd}");
        }

        if (lines is not null)
        {
            invoice.ReplaceLinesFromAltPay(lines, now);
            changes.Add($"lines replaced ({lines.Count}), total {Money.FromMinorUnits(invoice.TotalMinor, invoice.Currency)} {invoice.Currency}");
        }

        db.TimelineEvents.Add(new TimelineEvent
        {
            Id = Guid.NewGuid(),
            PartnerId = partnerId,
            InvoiceId = invoice.Id,
            At = now,
            Kind = TimelineKinds.EditedInAltPay,
            Message = "Edited in AltPay: " + string.Join("; ", changes) + ".",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Ok(invoice.ToResponse(timeProvider.Today()));
    }

    private static async Task<Invoice> FindAsync(IQueryable<Invoice> invoices, Guid invoiceId, CancellationToken cancellationToken) =>
        await invoices.Include(invoice => invoice.Lines).SingleOrDefaultAsync(invoice => invoice.Id == invoiceId, cancellationToken)
            ?? throw ApiProblemException.NotFound("invoice", invoiceId);

    private static async Task<string> DefaultCurrencyAsync(AltPayDbContext db, CancellationToken cancellationToken) =>
        await db.Connections.AsNoTracking().Select(connection => connection.Currency).FirstOrDefaultAsync(cancellationToken)
            ?? Money.DefaultCurrency;

    private static async Task<string> NextNumberAsync(AltPayDbContext db, CancellationToken cancellationToken)
    {
        var count = await db.Invoices.CountAsync(invoice => invoice.Source == RecordSource.AltPay, cancellationToken);
        return "AP-" + (count + 1).ToString("D5", CultureInfo.InvariantCulture);
    }
}
