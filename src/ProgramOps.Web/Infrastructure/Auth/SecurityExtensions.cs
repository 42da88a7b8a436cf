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

        services.AddAuthentication(AuthSchemes.Staff)
            .AddCookie(AuthSchemes.Staff, options =>
            {
                Session(options, "ProgramOps.Auth", "/account/login", "/account/logout", "/account/accessdenied");
                options.Events.OnValidatePrincipal = RejectStaleAccountsAsync;
                // Machines calling the API get a status (ProblemDetails), not a sign-in page.
                options.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
            })
            // Client users (issue 14) sign in on a cookie of their own, sent only to the portal's pages: a portal session
            // is never a staff session, and the other way round, whatever claims either carries.
            .AddCookie(AuthSchemes.Portal, options =>
            {
                Session(options, "ProgramOps.Portal", "/portal/sign-in", "/portal/sign-out", "/portal/sign-in");
                options.Cookie.Path = "/portal";
                options.Events.OnValidatePrincipal = RejectStalePortalSessionsAsync;
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(AuthSchemes.Staff).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ReadClients, Staff([.. Roles.All]))
            .AddPolicy(Policies.EditClients, Staff(Roles.Admin, Roles.BizDev, Roles.ProgramCS))
            .AddPolicy(Policies.EditContracts, Staff(Roles.Admin, Roles.BizDev))
            .AddPolicy(Policies.ReadPrograms, Staff([.. Roles.All]))
            .AddPolicy(Policies.ReadCohorts, Staff([.. Roles.All]))
            .AddPolicy(Policies.RunCohorts, Staff(Roles.Admin, Roles.ProgramCS))
            .AddPolicy(Policies.ReadPersonalData, Staff(Roles.Admin, Roles.ProgramCS))
            .AddPolicy(Policies.WorkActions, Staff(Roles.Admin, Roles.ProgramCS, Roles.BizDev))
            .AddPolicy(Policies.ReportFeedback, Staff([.. Roles.All]))
            .AddPolicy(Policies.RouteFeedback, Staff(Roles.Admin, Roles.ProgramCS, Roles.BizDev))
            .AddPolicy(Policies.PreviewReports, Staff(Roles.Admin, Roles.BizDev, Roles.ProgramCS))
            .AddPolicy(Policies.ReadReports, Staff([.. Roles.All]))
            .AddPolicy(Policies.ReadRevenue, Staff(Roles.Admin, Roles.BizDev))
            .AddPolicy(Policies.Admin, Staff(Roles.Admin))
            .AddPolicy(Policies.ClientPortal, p => p.AddAuthenticationSchemes(AuthSchemes.Portal).RequireAuthenticatedUser().RequireClaim(ClaimNames.ClientId));

        return services;
    }

    /// <summary>Both kinds of session: HttpOnly, SameSite=Lax, 8 hours sliding.</summary>
    private static void Session(CookieAuthenticationOptions options, string cookie, string signIn, string signOut, string denied)
    {
        options.LoginPath = signIn;
        options.LogoutPath = signOut;
        options.AccessDeniedPath = denied;
        options.Cookie.Name = cookie;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
    }

    /// <summary>A staff policy: the staff cookie only (a portal principal is not even looked at), and one of the roles.</summary>
    private static Action<AuthorizationPolicyBuilder> Staff(params string[] roles) =>
        policy => policy.AddAuthenticationSchemes(AuthSchemes.Staff).RequireRole(roles);

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
            await context.HttpContext.SignOutAsync(AuthSchemes.Staff);
        }
    }

    /// <summary>A client user disabled by staff, or whose client has churned, is signed out on the next request.</summary>
    private static async Task RejectStalePortalSessionsAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<IPortalSessions>();
        if (context.Principal is null || !await sessions.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Portal);
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
