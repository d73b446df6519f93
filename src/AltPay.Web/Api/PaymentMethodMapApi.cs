using System.Security.Claims;
using AltPay.Sync;
using AltPay.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AltPay.Web.Api;

/// <summary>
/// The names AltPay payment methods are written back to SuperOps as, per connection:
/// <c>GET/PUT /api/v1/integrations/superops/payment-methods</c> with <c>{"card": "Credit Card", ...}</c>.
/// </summary>
public static class PaymentMethodMapApi
{
    public static RouteGroupBuilder MapPaymentMethodMapApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/integrations/superops/payment-methods");

        group.MapGet("/", GetMap);
        group.MapPut("/", SetMap).RequireAuthorization(AuthorizationPolicies.ManageConnection);
        return group;
    }

    private static async Task<Ok<IReadOnlyDictionary<string, string>>> GetMap(
        ClaimsPrincipal user, ConnectionService connections, CancellationToken cancellationToken)
    {
        var snapshot = await connections.GetAsync(user.GetPartnerId(), cancellationToken) ?? throw new NotConnectedException();
        return TypedResults.Ok(PaymentMethodMatcher.ParseMap(snapshot.Connection.PaymentMethodMap) as IReadOnlyDictionary<string, string>);
    }

    private static async Task<Ok<IReadOnlyDictionary<string, string>>> SetMap(
        Dictionary<string, string?>? names, ClaimsPrincipal user, ConnectionService connections, CancellationToken cancellationToken)
    {
        var map = await connections.SetPaymentMethodMapAsync(user.GetPartnerId(), names ?? [], cancellationToken);
        return TypedResults.Ok(map);
    }
}
