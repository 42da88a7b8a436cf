using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Infrastructure.Auth;

public static class SecurityExtensions
{
    public static IServiceCollection AddProgramOpsSecurity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        services.AddSingleton<UserAccounts>();
        services.AddScoped<StaffSignIn>();

        // Keys live in the database so every web node behind a load balancer can read every cookie.
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddDataProtection().SetApplicationName("ProgramOps");
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
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ReadClients, p => p.RequireRole(Roles.All.ToArray()))
            .AddPolicy(Policies.EditClients, p => p.RequireRole(Roles.Admin, Roles.BizDev, Roles.ProgramCS))
            .AddPolicy(Policies.ReadPrograms, p => p.RequireRole(Roles.All.ToArray()))
            .AddPolicy(Policies.ReadCohorts, p => p.RequireRole(Roles.All.ToArray()))
            .AddPolicy(Policies.RunCohorts, p => p.RequireRole(Roles.Admin, Roles.ProgramCS))
            .AddPolicy(Policies.ReportFeedback, p => p.RequireRole(Roles.All.ToArray()))
            .AddPolicy(Policies.RouteFeedback, p => p.RequireRole(Roles.Admin, Roles.ProgramCS, Roles.BizDev))
            .AddPolicy(Policies.PreviewReports, p => p.RequireRole(Roles.Admin, Roles.BizDev, Roles.ProgramCS))
            .AddPolicy(Policies.ReadReports, p => p.RequireRole(Roles.All.ToArray()))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));

        return services;
    }

    /// <summary>
    /// A disabled account, a changed password or changed roles take effect on the next request, not
    /// when the cookie expires: the cookie carries the security stamp it was issued with.
    /// </summary>
    private static async Task RejectStaleAccountsAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<UserAccounts>();
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

    /// <summary>Until a first-time or reset password is changed, every page leads to the change-password page.</summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(ClaimNames.MustChangePassword, "true")
                && !path.StartsWithSegments("/account")
                && !path.StartsWithSegments("/healthz")
                && !Path.HasExtension(path.Value))
            {
                context.Response.Redirect("/account/changepassword");
                return;
            }

            await next();
        });
}
