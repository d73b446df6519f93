using AltPay.Data;
using AltPay.Domain;
using AltPay.Sync;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using AltPay.Web.Audit;

namespace AltPay.Web.Pages.Integrations;

/// <summary>The SuperOps integration: status card, Sync now, Sweep now, and the set-up form. Roles are checked on every post.</summary>
public sealed class SuperOpsModel(ConnectionService connections, SyncRunCoordinator runs, AuditLog audit, AltPayDbContext db, ILogger<SuperOpsModel> logger) : PageModel
{
    private Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    [BindProperty]
    public string? Subdomain { get; set; }

    [BindProperty]
    public string? ApiToken { get; set; }

    [BindProperty]
    public string? Region { get; set; } = "us";

    [BindProperty]
    public string? Currency { get; set; } = Money.DefaultCurrency;

    [TempData]
    public string? Notice { get; set; }

    public string? FormError { get; private set; }

    public ConnectionSnapshot? Connection { get; private set; }

    /// <summary>The newest finished and running sync runs, newest first.</summary>
    public IReadOnlyList<SyncRun> RecentRuns { get; private set; } = [];

    public bool CanManage => User.IsInRole(PartnerRoles.Admin);

    public bool CanOperate => User.IsInRole(PartnerRoles.Admin) || User.IsInRole(PartnerRoles.Member);

    public string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Subdomain ??= Connection?.Connection.Subdomain;
        Region = Connection?.Connection.Region ?? Region;
        Currency = Connection?.Connection.Currency ?? Currency;
    }

    public async Task<IActionResult> OnPostConnectAsync(CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var partnerId = User.GetPartnerId();

        try
        {
            var connection = await connections.ConnectAsync(partnerId, new ConnectRequest(Subdomain, ApiToken, Region, Currency), cancellationToken);
            Log.ConnectionSaved(logger, partnerId, connection.Id);
            await audit.WriteAsync(partnerId, AuditActions.ConnectionConnected, connection.Subdomain,
                $"region {connection.Region}, token ending {connection.TokenLastFour}", cancellationToken);
            Notice = "SuperOps is connected. The first import has started.";
            return RedirectToPage();
        }
        catch (ConnectionInputException exception)
        {
            _errors = exception.Errors.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
            FormError = "Check the fields marked below.";
            Log.ConnectionCheckFailed(logger, partnerId, "invalid " + string.Join(", ", exception.Errors.Keys));
        }
        catch (ConnectionRejectedException exception)
        {
            _errors[exception.Field] = exception.Message;
            FormError = "SuperOps did not accept these details; nothing was saved.";
            Log.ConnectionCheckFailed(logger, partnerId, "rejected " + exception.Field);
        }
        catch (SuperOpsUnreachableException exception)
        {
            FormError = exception.Message;
            Log.ConnectionCheckFailed(logger, partnerId, "SuperOps unreachable");
        }

        ApiToken = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSyncAsync(CancellationToken cancellationToken)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        try
        {
            var start = await runs.StartAsync(User.GetPartnerId(), SyncRunKind.Refresh, SyncRunTrigger.Manual, cancellationToken);
            await audit.WriteAsync(User.GetPartnerId(), AuditActions.SyncRequested, $"run {start.RunId}", start.AlreadyRunning ? "already running" : null, cancellationToken);
            Notice = start.AlreadyRunning ? "A sync is already running; its progress is shown below." : "Sync started.";
        }
        catch (NotConnectedException exception)
        {
            Notice = exception.Message;
        }

        return RedirectToPage();
    }

    /// <summary>Starts a deletion sweep; Admin only, because a sweep may archive records.</summary>
    public async Task<IActionResult> OnPostSweepAsync(CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        try
        {
            var start = await runs.StartAsync(User.GetPartnerId(), SyncRunKind.Sweep, SyncRunTrigger.Manual, cancellationToken);
            await audit.WriteAsync(User.GetPartnerId(), AuditActions.SweepRequested, $"run {start.RunId}", start.AlreadyRunning ? "already running" : null, cancellationToken);
            Notice = start.AlreadyRunning ? "A run is already in progress; start the sweep when it has finished." : "Sweep started.";
        }
        catch (NotConnectedException exception)
        {
            Notice = exception.Message;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisconnectAsync(CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (await connections.DisconnectAsync(User.GetPartnerId(), cancellationToken))
        {
            await audit.WriteAsync(User.GetPartnerId(), AuditActions.ConnectionDisconnected, "SuperOps", "token erased", cancellationToken);
        }

        Notice = "SuperOps is disconnected and the token is erased. Your imported data stays.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Connection = await connections.GetAsync(User.GetPartnerId(), cancellationToken);

        db.ForPartner(User.GetPartnerId());
        RecentRuns = await db.SyncRuns.AsNoTracking()
            .OrderByDescending(run => run.StartedAt)
            .Take(20)
            .ToListAsync(cancellationToken);
    }
}
