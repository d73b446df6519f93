using AltPay.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AltPay.Web.Pages.Settings;

/// <summary>Opens the first settings page the user may see: Users for admins, Password for everyone else.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        RedirectToPage(User.IsInRole(PartnerRoles.Admin) ? "/Settings/Users" : "/Settings/Password");
}
