using AltPay.Data;
using AltPay.Domain;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AltPay.Web.Pages.Settings;

/// <summary>The partner's newest audit log entries. Admin only.</summary>
[Authorize(Roles = PartnerRoles.Admin)]
public sealed class AuditLogModel(Audit.AuditLog audit) : PageModel
{
    public const int EntryCount = 200;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await audit.ListNewestAsync(User.GetPartnerId(), EntryCount, cancellationToken);
}
