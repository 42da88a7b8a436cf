using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>Requests per minute (fixed one-minute windows) before the console answers 429 with Retry-After.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts from one client address (every user name together).</summary>
    public int SignInPerAddress { get; set; } = 30;

    /// <summary>Sign-in attempts for one user name (every address together): slows guessing from many addresses.</summary>
    public int SignInPerUserName { get; set; } = 10;

    /// <summary>Event batches per API key id.</summary>
    public int EventsPerKey { get; set; } = 3000;

    /// <summary>File uploads (roster, partner file) per signed-in user.</summary>
    public int UploadsPerUser { get; set; } = 20;
}

/// <summary>
/// ASP.NET Core's rate limiter, chained: each request counts against every limit that concerns it (sign-in by
/// address and by user name, event batches by key, uploads by user); the rest pass unlimited. The limits are
/// per web node, in memory.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddProgramOpsRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>>(provider => new ConfigureOptions<RateLimiterOptions>(options =>
        {
            var limits = provider.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Limit(limits.SignInPerAddress, c => IsSignIn(c) ? "address:" + ClientAddress.Of(c) : null),
                Limit(limits.SignInPerUserName, c => IsSignIn(c) ? "user:" + SignInUserName(c) : null),
                Limit(limits.EventsPerKey, c => IsEvents(c) ? "key:" + c.Request.Headers["X-ProgramOps-Key"] : null),
                Limit(limits.UploadsPerUser, c => IsUpload(c) ? "upload:" + (c.User.Identity?.Name ?? ClientAddress.Of(c)) : null));
        }));
        return services;
    }

    /// <summary>After authentication (uploads count per user); the sign-in form is read first, so its user name can be counted.</summary>
    public static WebApplication UseProgramOpsRateLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsSignIn(context) && context.Request.HasFormContentType) await context.Request.ReadFormAsync(context.RequestAborted);
            await next();
        });
        app.UseRateLimiter();
        return app;
    }

    private static PartitionedRateLimiter<HttpContext> Limit(int perMinute, Func<HttpContext, string?> partition) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => partition(context) is { } key
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));

    private static bool IsPost(HttpContext c) => HttpMethods.IsPost(c.Request.Method);

    /// <summary>Staff sign-in and the client portal's (issue 14) count alike.</summary>
    private static bool IsSignIn(HttpContext c) => IsPost(c)
        && (c.Request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase) || c.Request.Path.Equals("/portal/sign-in", StringComparison.OrdinalIgnoreCase));

    private static bool IsEvents(HttpContext c) => IsPost(c) && c.Request.Path.StartsWithSegments("/api/v1/events", StringComparison.OrdinalIgnoreCase);

    private static bool IsUpload(HttpContext c) => IsPost(c) && c.Request.HasFormContentType
        && c.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);

    private static string SignInUserName(HttpContext c) =>
        !c.Request.HasFormContentType ? ""
        : c.Request.Form.ContainsKey("Email") ? AuthSchemes.PortalUserName(c.Request.Form["Email"].ToString().Trim().ToLowerInvariant())
        : c.Request.Form["UserName"].ToString().Trim().ToLowerInvariant();
}
