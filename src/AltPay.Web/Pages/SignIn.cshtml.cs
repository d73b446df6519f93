using AltPay.Data;
using AltPay.Web.Audit;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AltPay.Web.Pages;

[EnableRateLimiting(AuthorizationPolicies.SignInRateLimit)]
public sealed class SignInModel(SignInManager<PartnerUser> signInManager, AuditLog audit, ILogger<SignInModel> logger) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your email and password.";
            return Page();
        }

        var email = Email.Trim();
        var result = await signInManager.PasswordSignInAsync(email, Password, isPersistent: false, lockoutOnFailure: true);
        var user = await signInManager.UserManager.FindByEmailAsync(email);

        if (!result.Succeeded)
        {
            Log.SignInFailed(logger, result.IsLockedOut);

            // An unknown email belongs to no partner, so only the log records it.
            if (user is not null)
            {
                var reason = result.IsLockedOut ? "account locked out" : "wrong password";
                await audit.WriteAsync(user.PartnerId, AuditActor.Anonymous, AuditActions.SignInFailed, email, reason, cancellationToken);
            }

            Error = result.IsLockedOut
                ? "This account is locked after too many failed sign-ins; try again in 15 minutes."
                : "The email or password is wrong; check both and try again.";
            return Page();
        }

        if (user is not null)
        {
            Log.SignedIn(logger, user.Id, user.PartnerId);
            await audit.WriteAsync(user.PartnerId, new AuditActor(user.Id, null, user.Email), AuditActions.SignedIn, email, null, cancellationToken);
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
