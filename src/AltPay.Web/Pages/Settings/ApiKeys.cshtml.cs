using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Audit;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Pages.Settings;

/// <summary>
/// The partner's REST API keys: create (the key is shown once, only its hash is stored), list by
/// prefix with created and last-used times, revoke. Admin only, because every key acts as an Admin.
/// </summary>
[Authorize(Roles = PartnerRoles.Admin)]
public sealed class ApiKeysModel(AltPayDbContext db, AuditLog audit, TimeProvider timeProvider, ILogger<ApiKeysModel> logger) : PageModel
{
    public const int MaxNameLength = 100;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string Role { get; set; } = PartnerRoles.Admin;

    public string? RoleError { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string? NameError { get; private set; }

    /// <summary>The key just created; shown in this one response only.</summary>
    public string? CreatedKey { get; private set; }

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim();

        if (string.IsNullOrEmpty(name))
        {
            NameError = "The key name is missing. Enter where the key is used, such as 'Accounting export'.";
        }
        else if (name.Length > MaxNameLength)
        {
            NameError = $"The name has {name.Length} characters; use at most {MaxNameLength}.";
        }

        if (!PartnerRoles.All.Contains(Role))
        {
            RoleError = $"The role '{Role}' is unknown; choose {string.Join(", ", PartnerRoles.All)}.";
        }

        if (NameError is not null || RoleError is not null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var partnerId = User.GetPartnerId();
        var key = ApiKeyFormat.Generate();
        var apiKey = new ApiKey
        {
            Id = Guid.NewGuid(),
            PartnerId = partnerId,
            Name = name!,
            Prefix = ApiKeyFormat.Prefix(key),
            Hash = ApiKeyFormat.Hash(key),
            Role = Role,
            CreatedAt = timeProvider.GetUtcNow(),
        };

        db.ForPartner(partnerId);
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);

        Log.ApiKeyCreated(logger, apiKey.Id, partnerId);
        await audit.WriteAsync(partnerId, AuditActions.ApiKeyCreated, $"{apiKey.Name} ({apiKey.Prefix}…)", $"role {apiKey.Role}", cancellationToken);

        CreatedKey = key;
        Name = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var partnerId = User.GetPartnerId();
        db.ForPartner(partnerId);

        var apiKey = await db.ApiKeys.SingleOrDefaultAsync(row => row.Id == keyId, cancellationToken);
        if (apiKey is null)
        {
            return NotFound();
        }

        if (apiKey.RevokedAt is not null)
        {
            Notice = $"The key {apiKey.Name} was already revoked.";
            return RedirectToPage();
        }

        apiKey.RevokedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);

        Log.ApiKeyRevoked(logger, apiKey.Id, partnerId);
        await audit.WriteAsync(partnerId, AuditActions.ApiKeyRevoked, $"{apiKey.Name} ({apiKey.Prefix}…)", null, cancellationToken);

        Notice = $"The key {apiKey.Name} is revoked; calls with it now get 401.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        db.ForPartner(User.GetPartnerId());

        Keys = await db.ApiKeys.AsNoTracking()
            .OrderBy(key => key.RevokedAt != null)
            .ThenByDescending(key => key.CreatedAt)
            .ToListAsync(cancellationToken);
    }
}
