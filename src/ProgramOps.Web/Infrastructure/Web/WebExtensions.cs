using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Infrastructure.Web;

public static class WebExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Zero-configuration hosting: the default loopback URL unless one is configured, and the build's
    /// static-asset manifest in every environment (not only Development), so `dotnet run` serves the
    /// stylesheet and its compressed variants; a published app has no such manifest and is unaffected.
    /// </summary>
    public static WebApplicationBuilder UseProgramOpsHosting(this WebApplicationBuilder builder)
    {
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
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.AddScoped<AuditTrail>();
        services.AddScoped<AdministratorBootstrap>();

        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            options.Conventions.AuthorizeFolder("/Clients", Policies.ReadClients);
            options.Conventions.AuthorizeFolder("/Programs", Policies.ReadPrograms);
            options.Conventions.AuthorizeFolder("/Cohorts", Policies.ReadCohorts);
            options.Conventions.AuthorizeFolder("/Participants", Policies.ReadCohorts);
            options.Conventions.AuthorizeFolder("/Teams", Policies.ReadCohorts);
            options.Conventions.AuthorizeFolder("/Actions", Policies.ReadCohorts);
            options.Conventions.AuthorizeFolder("/Supplies", Policies.ReadCohorts);
            options.Conventions.AuthorizeFolder("/Feedback", Policies.ReportFeedback);
            options.Conventions.AuthorizeFolder("/Outcomes", Policies.ReadReports);
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            options.Conventions.AllowAnonymousToPage("/Account/Language");
            options.Conventions.AllowAnonymousToPage("/Error");
        }).AddViewLocalization();
        services.AddRouting(options => options.LowercaseUrls = true);
        // Japanese text is written as text, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static WebApplication UseProgramOpsPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePasswordChangeGate();
        return app;
    }

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
