using Microsoft.Extensions.Logging;
using SuperOps.Sandbox.Http;

namespace SuperOps.Sandbox;

public static class SandboxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps POST {prefix}/us/msp and POST {prefix}/eu/msp, and the admin API under {prefix}/admin
    /// unless the host environment is Production. <paramref name="prefix"/> is "" or a path such as "/sandbox".
    /// </summary>
    public static IEndpointRouteBuilder MapSuperOpsSandbox(this IEndpointRouteBuilder app, string prefix = "")
    {
        prefix = prefix.TrimEnd('/');
        if (prefix.Length > 0 && !prefix.StartsWith('/'))
        {
            prefix = "/" + prefix;
        }

        app.MapPost(prefix + "/us/msp", (HttpContext context, GraphQLEndpoint endpoint) => endpoint.HandleAsync(context, "us"))
            .AllowAnonymous();
        app.MapPost(prefix + "/eu/msp", (HttpContext context, GraphQLEndpoint endpoint) => endpoint.HandleAsync(context, "eu"))
            .AllowAnonymous();

        var environment = app.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (environment.IsProduction())
        {
            SandboxLog.AdminDisabled(app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SandboxEndpointRouteBuilderExtensions)));
        }
        else
        {
            AdminEndpoints.Map(app, prefix);
        }

        return app;
    }
}
