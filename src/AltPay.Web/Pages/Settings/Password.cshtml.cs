using AltPay.Data;
using AltPay.Web.Audit;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AltPay.Web.Pages.Settings;

/// <summary>Password change for every signed-in user. Other sessions of the user end at their next check.</summary>
public sealed class PasswordModel(
    UserManager<PartnerUser> users,
    SignInManager<PartnerUser> signInManager,
    AuditLog audit,
    ILogger<PasswordModel> logger) : PageModel
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }

        if (string.IsNullOrEmpty(CurrentPassword))
        {
            _errors["currentPassword"] = "Enter your current password.";
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            _errors["newPassword"] = "Enter a new password.";
        }
        else if (NewPassword != ConfirmPassword)
        {
            _errors["confirmPassword"] = "The two new passwords differ; type the same password in both fields.";
        }

        if (_errors.Count > 0)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            var mismatch = result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            if (mismatch)
            {
                _errors["currentPassword"] = "The current password is wrong; check it and try again.";
            }
            else
            {
                _errors["newPassword"] = string.Join(" ", result.Errors.Select(error => error.Description));
            }

            return Page();
        }

        // The password change set a new security stamp, which would also end this session at its next check.
        // Refreshing the cookie keeps this session signed in.
        await signInManager.RefreshSignInAsync(user);

        var partnerId = User.GetPartnerId();
        Log.PasswordChanged(logger, user.Id, partnerId);
        await audit.WriteAsync(partnerId, AuditActions.PasswordChanged, user.Email ?? user.Id, null, cancellationToken);

        Notice = "Your password is changed. Other sessions of your account will be signed out within a minute.";
        return RedirectToPage();
    }
}
