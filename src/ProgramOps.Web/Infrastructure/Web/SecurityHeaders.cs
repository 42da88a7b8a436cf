using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>
/// What every response tells the browser (no inline script, no framing, no sniffing, no full URLs to other sites),
/// and HTTPS behind a TLS-terminating proxy: the proxy's X-Forwarded-Proto/For are believed only from the proxies
/// configured in <c>ReverseProxy:KnownProxies</c> (loopback by default), so cookies are Secure and HSTS is sent
/// whenever the browser reached us over HTTPS, and the client's own address is the one rate limits count.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddProgramOpsTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // Every cookie (sign-in, anti-forgery, temp data, language) is Secure whenever the request came over HTTPS.
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    public static WebApplication UseProgramOpsTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseCookiePolicy();
        // HSTS is sent on HTTPS responses only, and never for localhost (so development over HTTP is not pinned).
        app.UseHsts();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Page URLs carry searches (names) and record ids: other sites get no referrer at all.
            headers["Referrer-Policy"] = "same-origin";
            return next();
        });
        return app;
    }
}
