using AltPay.Web.Auth;
using AltPay.Web.Dashboard;

namespace AltPay.Web.Extensions;

public static class DashboardExtensions
{
    /// <summary>Registers the Razor Pages dashboard; every page needs a signed-in user except sign-in.</summary>
    public static void AddAltPayDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToPage("/SignIn");
        });
    }

    /// <summary>Maps the pages, their static assets and the JSON the Sync now progress polls.</summary>
    public static void MapAltPayDashboard(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapSyncStatusEndpoint();
    }
}
