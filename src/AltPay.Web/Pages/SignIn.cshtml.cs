using AltPay.Data;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AltPay.Web.Pages;

[EnableRateLimiting(AuthorizationPolicies.SignInRateLimit)]
public sealed class SignInModel(SignInManager<PartnerUser> signInManager, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your email and password.";
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);

        if (!result.Succeeded)
        {
            Log.SignInFailed(logger, result.IsLockedOut);
            Error = result.IsLockedOut
                ? "This account is locked after too many failed sign-ins; try again in 15 minutes."
                : "The email or password is wrong; check both and try again.";
            return Page();
        }

        var user = await signInManager.UserManager.FindByEmailAsync(Email.Trim());
        Log.SignedIn(logger, user?.Id ?? "unknown", user?.PartnerId ?? Guid.Empty);

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
