using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ProgramOps.Web.Infrastructure.Web;

public static class WebExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// The host's arguments, with its settings files read once at start rather than watched. The default database lives
    /// under the content root, and the watch on the content root for the settings woke on every page SQLite wrote: the
    /// events API ran 4–10% slower with its database there than beside it. Nothing in the console reloads its settings
    /// while it runs.
    /// </summary>
    public static string[] WithSettingsReadOnce(string[] hostArguments) => [.. hostArguments, "--hostBuilder:reloadConfigOnChange=false"];

    /// <summary>
    /// Zero-configuration hosting: the default loopback URL unless one is configured, and the build's
    /// static-asset manifest in every environment (not only Development), so `dotnet run` serves the
    /// stylesheet and its compressed variants; a published app has no such manifest and is unaffected.
    /// </summary>
    public static WebApplicationBuilder UseProgramOpsHosting(this WebApplicationBuilder builder)
    {
        // Started from another folder (dotnet path/to/ProgramOps.Web.dll, as deploys and the benchmark do), the console
        // still reads the settings built beside it, beneath everything else: without them every request was logged.
        if (!File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
        {
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = "appsettings.json", Optional = true, FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static IServiceCollection AddProgramOpsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<TimeZoneOptions>(configuration.GetSection(TimeZoneOptions.Section));
        services.AddSingleton(provider => new LocalClock(
            provider.GetRequiredService<TimeProvider>(),
            TimeZoneInfo.FindSystemTimeZoneById(provider.GetRequiredService<IOptions<TimeZoneOptions>>().Value.TimeZone)));
        services.AddScoped<AuditTrail>();
        services.AddScoped<StandaloneHtml>();

        services.AddRazorPages(options =>
        {
            // Each feature puts its own pages under their policies where it registers itself (AuthorizePageFolder).
            options.RootDirectory = "/Features";
            options.Conventions.AllowAnonymousToPage("/Error");
        })
        .AddMvcOptions(options =>
        {
            options.Filters.Add<HandlerPolicyFilter>();
            options.ModelBinderProviders.Insert(0, new PlainTextModelBinderProvider());
        })
        .AddViewLocalization();
        services.AddRouting(options => options.LowercaseUrls = true);
        // Japanese text is written as text, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddProgramOpsTransportSecurity(configuration);
        services.AddProgramOpsRateLimits(configuration);
        return services;
    }

    public static WebApplication UseProgramOpsPipeline(this WebApplication app)
    {
        app.UseProgramOpsTransportSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        // The API answers in ProblemDetails (AddProblemDetails), never with the people's error page or sign-in.
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/error", "?code={0}"));
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseApiRejectionsWithoutSignIn();
        app.UseAuthorization();
        app.UseProgramOpsRateLimits();
        app.UsePasswordChangeGate();
        return app;
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>
    /// Routing answers a request its API endpoint does not accept (415 for a body that is not JSON) with an endpoint of
    /// its own that carries no metadata, so the sign-in fallback policy would turn it into a 401: it is as anonymous as
    /// the API endpoint it stands for.
    /// </summary>
    private static void UseApiRejectionsWithoutSignIn(this WebApplication app) =>
        app.Use((context, next) =>
        {
            if (IsApi(context) && context.GetEndpoint() is { Metadata.Count: 0 } rejection)
            {
                context.SetEndpoint(new Endpoint(rejection.RequestDelegate, new EndpointMetadataCollection(new AllowAnonymousAttribute()), rejection.DisplayName));
            }

            return next();
        });

    public static WebApplication MapProgramOpsEndpoints(this WebApplication app)
    {
        // Stylesheets and scripts hold nothing personal, and the sign-in page needs them before sign-in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        // Liveness and database readiness for load balancers and monitors: no personal data, so anonymous.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            live = true,
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }));
    }
}
