using AltPay.Data;
using AltPay.Web.Audit;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AltPay.Web.Pages;

public sealed class SignOutModel(SignInManager<PartnerUser> signInManager, AuditLog audit, ILogger<SignOutModel> logger) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var partnerId = User.GetPartnerId();
        var actor = AuditActor.From(User);

        await signInManager.SignOutAsync();
        Log.SignedOut(logger, actor.UserId ?? "unknown", partnerId);
        await audit.WriteAsync(partnerId, actor, AuditActions.SignedOut, actor.Name ?? "unknown", null, cancellationToken);

        return Redirect("/signin");
    }
}
