using System.Security.Claims;
using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Api.Models;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Api;

public static class CustomersApi
{
    private const int MaxNameLength = 300;

    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers");

        group.MapGet("/", ListCustomers);
        group.MapGet("/{id}", GetCustomer);
        group.MapPost("/", CreateCustomer).RequireAuthorization(AuthorizationPolicies.Operate);

        return group;
    }

    private static async Task<Ok<PagedList<CustomerResponse>>> ListCustomers(
        AltPayDbContext db,
        ClaimsPrincipal user,
        string? source,
        string? archived,
        string? q,
        string? page,
        string? pageSize,
        CancellationToken cancellationToken)
    {
        var sourceFilter = ApiInput.ParseSource(source);
        var archivedFilter = ApiInput.ParseBool(archived, "archived") ?? false;
        var (pageNumber, size) = ApiInput.ParsePaging(page, pageSize);

        db.ForPartner(user.GetPartnerId());
        var query = db.Customers.AsNoTracking()
            .Where(customer => (customer.ArchivedAt != null) == archivedFilter);

        if (sourceFilter is { } wanted)
        {
            query = query.Where(customer => customer.Source == wanted);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + EscapeLike(q.Trim()) + "%";
            query = query.Where(customer =>
                EF.Functions.Like(customer.Name, pattern, "\\") || EF.Functions.Like(customer.Email!, pattern, "\\"));
        }

        var totalCount = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(customer => customer.Name).ThenBy(customer => customer.Id)
            .Skip((pageNumber - 1) * size).Take(size)
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new PagedList<CustomerResponse>(
            items.Select(customer => customer.ToResponse()).ToList(), pageNumber, size, totalCount));
    }

    private static async Task<Ok<CustomerResponse>> GetCustomer(
        string id, AltPayDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var customerId = ApiInput.ParseId(id);

        db.ForPartner(user.GetPartnerId());
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(row => row.Id == customerId, cancellationToken)
            ?? throw ApiProblemException.NotFound("customer", customerId);

        return TypedResults.Ok(customer.ToResponse());
    }

    private static async Task<Created<CustomerResponse>> CreateCustomer(
        CreateCustomerRequest? request,
        AltPayDbContext db,
        ClaimsPrincipal user,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request?.Name?.Trim();
        var email = string.IsNullOrWhiteSpace(request?.Email) ? null : request.Email.Trim();

        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = ["The name is missing; send the customer's name, such as \"Acme Dental\"."];
        }
        else if (name.Length > MaxNameLength)
        {
            errors["name"] = [$"The name has {name.Length} characters; use at most {MaxNameLength}."];
        }

        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Length > 320))
        {
            errors["email"] = [$"The email '{email}' is not an email address; send one such as billing@example.com, or leave it out."];
        }

        if (errors.Count > 0)
        {
            throw ApiProblemException.Invalid(errors);
        }

        var now = timeProvider.GetUtcNow();
        var partnerId = user.GetPartnerId();
        var customer = new Customer
        {
            Id = Guid.NewGuid(),
            PartnerId = partnerId,
            Name = name!,
            Email = email,
            Source = RecordSource.AltPay,
            CreatedAt = now,
            UpdatedAt = now,
        };

        db.ForPartner(partnerId);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/v1/customers/{customer.Id}", customer.ToResponse());
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
