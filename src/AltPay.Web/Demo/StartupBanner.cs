using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AltPay.Web.Demo;

/// <summary>
/// Prints where the dashboard is and how to sign in, once the server listens. New credentials are
/// printed only on the start that created them. The sandbox subdomain and token are printed on every
/// start because they only open the in-memory sandbox, never a real SuperOps tenant.
/// </summary>
internal static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app, StartupReport report)
    {
        if (report.IsEmpty)
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var dashboard = addresses?.FirstOrDefault() ?? "(no listening address)";
            Console.WriteLine(Format(dashboard, report));
        });
    }

    public static string Format(string dashboardUrl, StartupReport report)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("==================== AltPay ====================");
        text.AppendLine($"Dashboard:          {dashboardUrl}");

        if (report.NewCredentials is { } created)
        {
            text.AppendLine("New demo partner created. These are shown only this once:");
            text.AppendLine($"  Email:            {created.AdminEmail}");
            text.AppendLine($"  Password:         {created.AdminPassword}");
            text.AppendLine($"  API key:          {created.ApiKey}");
        }
        else if (report.AdminEmail is { } email)
        {
            text.AppendLine($"Sign in as:         {email}");
        }

        if (report.CredentialsFile is { } file)
        {
            text.AppendLine($"Credentials file:   {file}");
        }

        if (report.SandboxTenant is { } tenant)
        {
            text.AppendLine("SuperOps sandbox (enter these under Integrations > SuperOps, data centre US):");
            text.AppendLine($"  Subdomain:        {tenant.Subdomain}");
            text.AppendLine($"  API token:        {tenant.ApiToken}");
        }

        text.AppendLine("================================================");
        return text.ToString();
    }
}
