namespace AltPay.Web.Extensions;

public static class SecurityHeadersExtensions
{
    // Every asset is served by AltPay itself, so nothing from another origin is needed.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    // One year, the value browsers' preload lists expect. Sent only over HTTPS, as RFC 6797 requires.
    private const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>Adds the Content-Security-Policy and the usual hardening headers to every response.</summary>
    public static IApplicationBuilder UseAltPaySecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            AddSecurityHeaders(context);
            return next(context);
        });

    /// <summary>Sets the headers on the response; Strict-Transport-Security only when the request came over HTTPS.</summary>
    public static void AddSecurityHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";

        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }
    }
}
