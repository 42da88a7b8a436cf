using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace ProgramOps.Web.Infrastructure.Auth;

public static class SecurityExtensions
{
    public static IServiceCollection AddProgramOpsSecurity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        // Keys live in the database so every web node behind a load balancer can read every cookie.
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddDataProtection().SetApplicationName("ProgramOps");
        services.AddStartupTask<DataProtectionKeyRing>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = provider.GetRequiredService<DatabaseXmlRepository>()));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/accessdenied";
                options.Cookie.Name = "ProgramOps.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = RejectStaleAccountsAsync;
                // Machines calling the API get a status (ProblemDetails), not a sign-in page.
                options.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ReadClients, p => p.RequireRole(Roles.All.ToArray()))
            .AddPolicy(Policies.EditClients, p => p.RequireRole(Roles.Admin, Roles.BizDev, Roles.ProgramCS))
            .AddPolicy(Policies.EditContracts, p => p.RequireRole(Roles.Admin, Roles.BizDev))
            .AddPolicy(Policies.ReadPrograms, p => p.RequireRole(Roles.All.ToArray()))
            .AddPolicy(Policies.ReadCohorts, p => p.RequireRole(Roles.All.ToArray()))
            .AddPolicy(Policies.RunCohorts, p => p.RequireRole(Roles.Admin, Roles.ProgramCS))
            .AddPolicy(Policies.ReadPersonalData, p => p.RequireRole(Roles.Admin, Roles.ProgramCS))
            .AddPolicy(Policies.WorkActions, p => p.RequireRole(Roles.Admin, Roles.ProgramCS, Roles.BizDev))
            .AddPolicy(Policies.ReportFeedback, p => p.RequireRole(Roles.All.ToArray()))
            .AddPolicy(Policies.RouteFeedback, p => p.RequireRole(Roles.Admin, Roles.ProgramCS, Roles.BizDev))
            .AddPolicy(Policies.PreviewReports, p => p.RequireRole(Roles.Admin, Roles.BizDev, Roles.ProgramCS))
            .AddPolicy(Policies.ReadReports, p => p.RequireRole(Roles.All.ToArray()))
            .AddPolicy(Policies.ReadRevenue, p => p.RequireRole(Roles.Admin, Roles.BizDev))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));

        return services;
    }

    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (WebExtensions.IsApi(context.HttpContext)) context.Response.StatusCode = apiStatus;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A disabled account, a changed password or changed roles take effect on the next request, not
    /// when the cookie expires: the cookie carries the security stamp it was issued with.
    /// </summary>
    private static async Task RejectStaleAccountsAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<IAccountStamps>();
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(ClaimNames.SecurityStamp);
        var current = int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? await accounts.FindStampAsync(id, context.HttpContext.RequestAborted)
            : null;

        if (current is null || current.Value.IsDisabled || current.Value.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>
    /// Until a first-time or reset password is changed, everything but the account pages and what is public anyway
    /// (sign-in, health, stylesheets) leads to the change-password page — the OpenAPI document included.
    /// </summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.HasClaim(ClaimNames.MustChangePassword, "true")
                && !context.Request.Path.StartsWithSegments("/account")
                && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                context.Response.Redirect("/account/changepassword");
                return;
            }

            await next();
        });
}
