using AltPay.Data;
using AltPay.Web.Audit;
using AltPay.Web.Auth;
using AltPay.Web.Partners;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AltPay.Web.Pages.Settings;

/// <summary>A partner user as the Users table shows it.</summary>
public sealed record PartnerUserRow(string Id, string Email, string Role, DateTimeOffset? LockedOutUntil);

/// <summary>
/// Users of the partner: add with a role and an initial password, change a role, unlock, remove.
/// Only Admins may open it. A partner keeps at least one Admin, and an Admin cannot remove their own account.
/// </summary>
[Authorize(Roles = PartnerRoles.Admin)]
public sealed class UsersModel(
    UserManager<PartnerUser> users,
    AltPayDbContext db,
    AuditLog audit,
    TimeProvider timeProvider,
    ILogger<UsersModel> logger) : PageModel
{
    // Serializes role changes and removals in this process, so two admins demoting each other at the
    // same moment cannot leave the partner without an Admin.
    // NOTE: with several AltPay processes on one database this check is not atomic across them.
    private static readonly SemaphoreSlim AdminChangeLock = new(1, 1);

    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; } = PartnerRoles.Member;

    [BindProperty]
    public string? Password { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    /// <summary>The generated initial password of the user just added; shown in this one response only.</summary>
    public string? CreatedPassword { get; private set; }

    public string? CreatedEmail { get; private set; }

    public IReadOnlyList<PartnerUserRow> Users { get; private set; } = [];

    public string CurrentUserId => users.GetUserId(User) ?? "";

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var partnerId = User.GetPartnerId();
        var email = Email?.Trim();

        if (string.IsNullOrEmpty(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            _errors["email"] = $"'{email}' is not an email address; enter one such as name@example.com.";
        }

        if (!IsKnownRole(Role))
        {
            _errors["role"] = $"The role '{Role}' is unknown; choose {string.Join(", ", PartnerRoles.All)}.";
        }

        if (_errors.Count > 0)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var generated = string.IsNullOrEmpty(Password);
        var password = generated ? GeneratedSecrets.NewPassword() : Password!;
        var user = new PartnerUser { PartnerId = partnerId, UserName = email, Email = email, EmailConfirmed = true };

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            AddIdentityErrors(created);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var assigned = await users.AddToRoleAsync(user, Role!);
        if (!assigned.Succeeded)
        {
            // Roles are created at start-up, so this fails only when the database does. Deleting the user leaves none without a role.
            await users.DeleteAsync(user);
            throw new InvalidOperationException($"The role {Role} could not be given to the new user: {assigned.Errors.First().Description}");
        }

        Log.UserCreated(logger, user.Id, partnerId, Role!);
        await audit.WriteAsync(partnerId, AuditActions.UserCreated, email!, $"role {Role}", cancellationToken);

        CreatedEmail = email;
        CreatedPassword = generated ? password : null;
        Email = null;
        Password = null;
        Role = PartnerRoles.Member;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string? userId, string? newRole, CancellationToken cancellationToken)
    {
        if (!IsKnownRole(newRole))
        {
            Error = $"The role '{newRole}' is unknown; choose {string.Join(", ", PartnerRoles.All)}.";
            await LoadAsync(cancellationToken);
            return Page();
        }

        await AdminChangeLock.WaitAsync(cancellationToken);
        try
        {
            var user = await FindPartnerUserAsync(userId);
            if (user is null)
            {
                return NotFound();
            }

            var currentRoles = await users.GetRolesAsync(user);
            if (currentRoles.Contains(newRole!) && currentRoles.Count == 1)
            {
                Notice = $"{user.Email} already has the role {newRole}.";
                return RedirectToPage();
            }

            if (currentRoles.Contains(PartnerRoles.Admin) && newRole != PartnerRoles.Admin && await CountAdminsAsync(cancellationToken) <= 1)
            {
                Error = $"{user.Email} is the only Admin; make another user Admin first, then change this role.";
                await LoadAsync(cancellationToken);
                return Page();
            }

            await users.RemoveFromRolesAsync(user, currentRoles);
            await users.AddToRoleAsync(user, newRole!);

            var partnerId = User.GetPartnerId();
            Log.UserRoleChanged(logger, user.Id, partnerId, newRole!);
            await audit.WriteAsync(partnerId, AuditActions.UserRoleChanged, user.Email ?? user.Id,
                $"from {string.Join(", ", currentRoles)} to {newRole}", cancellationToken);

            Notice = $"{user.Email} now has the role {newRole}. It applies to their open sessions within a minute.";
            return RedirectToPage();
        }
        finally
        {
            AdminChangeLock.Release();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? userId, CancellationToken cancellationToken)
    {
        await AdminChangeLock.WaitAsync(cancellationToken);
        try
        {
            var user = await FindPartnerUserAsync(userId);
            if (user is null)
            {
                return NotFound();
            }

            if (user.Id == CurrentUserId)
            {
                Error = "You cannot remove your own account; ask another Admin to remove it.";
                await LoadAsync(cancellationToken);
                return Page();
            }

            if (await users.IsInRoleAsync(user, PartnerRoles.Admin) && await CountAdminsAsync(cancellationToken) <= 1)
            {
                Error = $"{user.Email} is the only Admin; make another user Admin first, then remove this one.";
                await LoadAsync(cancellationToken);
                return Page();
            }

            await users.DeleteAsync(user);

            var partnerId = User.GetPartnerId();
            Log.UserRemoved(logger, user.Id, partnerId);
            await audit.WriteAsync(partnerId, AuditActions.UserRemoved, user.Email ?? user.Id, null, cancellationToken);

            Notice = $"{user.Email} is removed. Their open sessions end within a minute.";
            return RedirectToPage();
        }
        finally
        {
            AdminChangeLock.Release();
        }
    }

    public async Task<IActionResult> OnPostUnlockAsync(string? userId, CancellationToken cancellationToken)
    {
        var user = await FindPartnerUserAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(User.GetPartnerId(), AuditActions.UserUnlocked, user.Email ?? user.Id, null, cancellationToken);

        Notice = $"{user.Email} can sign in again.";
        return RedirectToPage();
    }

    private static bool IsKnownRole(string? role) => role is not null && PartnerRoles.All.Contains(role);

    /// <summary>Returns the user when it belongs to the signed-in partner; another partner's user is treated as missing.</summary>
    private async Task<PartnerUser?> FindPartnerUserAsync(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        return user?.PartnerId == User.GetPartnerId() ? user : null;
    }

    private async Task<int> CountAdminsAsync(CancellationToken cancellationToken)
    {
        var partnerId = User.GetPartnerId();

        return await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where user.PartnerId == partnerId && role.Name == PartnerRoles.Admin
            select user.Id).CountAsync(cancellationToken);
    }

    private void AddIdentityErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email";
            _errors[field] = _errors.TryGetValue(field, out var earlier) ? earlier + " " + error.Description : error.Description;
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var partnerId = User.GetPartnerId();

        var rows = await db.Users.AsNoTracking()
            .Where(user => user.PartnerId == partnerId)
            .Select(user => new
            {
                user.Id,
                user.Email,
                user.LockoutEnd,
                Roles = (
                    from userRole in db.UserRoles
                    join role in db.Roles on userRole.RoleId equals role.Id
                    where userRole.UserId == user.Id
                    select role.Name).ToList(),
            })
            .ToListAsync(cancellationToken);

        var now = Now;
        Users = rows
            .Select(row => new PartnerUserRow(
                row.Id,
                row.Email ?? "",
                row.Roles.Count > 0 ? string.Join(", ", row.Roles) : "none",
                row.LockoutEnd > now ? row.LockoutEnd : null))
            .OrderBy(row => row.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
