namespace SuperOps.Sandbox;

/// <summary>Runs the sandbox alone: <c>dotnet run --project src/SuperOps.Sandbox</c>.</summary>
public static class SandboxProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Settings live in code, not appsettings.json, because AltPay.Web references this project and
        // would otherwise receive a second appsettings.json in its output directory.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSuperOpsSandbox();

        var app = builder.Build();
        app.MapGet("/", () => "SuperOps sandbox: POST /us/msp or /eu/msp; admin API under /admin/tenants.");
        app.MapSuperOpsSandbox();

        if (builder.Configuration.GetValue("Sandbox:SeedDemoTenant", true))
        {
            SandboxDemoTenant.EnsureCreated(app.Services.GetRequiredService<SandboxTenantStore>());
        }

        app.Run();
    }
}
