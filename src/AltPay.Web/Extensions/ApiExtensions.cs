using System.Text.Json.Serialization;
using AltPay.Web.Api;
using AltPay.Web.Auth;
using AltPay.Web.Partners;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AltPay.Web.Extensions;

public static class ApiExtensions
{
    /// <summary>Registers JSON settings, problem details, the exception mapping and the API's services.</summary>
    public static void AddAltPayApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter());
            options.SerializerOptions.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        });

        // Unreadable bodies and parameters raise BadHttpRequestException, which the handler turns into a problem.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddScoped<PartnerProvisioner>();
        builder.Services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary>Maps the partner REST API under <c>/api/v1</c>, every endpoint behind an API key.</summary>
    public static RouteGroupBuilder MapAltPayApi(this WebApplication app, AltPayOptions options)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AuthorizationPolicies.Api);

        api.MapIntegrationApi();
        api.MapPaymentMethodMapApi();
        api.MapSyncRunsApi();
        api.MapCustomersApi();
        api.MapInvoicesApi();
        api.MapConflictsApi();
        api.MapPaymentsApi();

        if (!string.IsNullOrEmpty(options.OperatorApiKey))
        {
            app.MapOperatorApi();
        }

        return api;
    }
}
