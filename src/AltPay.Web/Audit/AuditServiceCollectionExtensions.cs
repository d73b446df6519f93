namespace AltPay.Web.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AuditLog"/> and the request accessor it reads the actor from.</summary>
    public static IServiceCollection AddAltPayAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        return services;
    }
}
