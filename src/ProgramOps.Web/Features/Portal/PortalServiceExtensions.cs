using Microsoft.AspNetCore.Identity;

namespace ProgramOps.Web.Features.Portal;

public static class PortalServiceExtensions
{
    /// <summary>
    /// The client portal: client users' accounts and sessions (the portal cookie scheme is registered beside the staff one
    /// in SecurityExtensions), the client-facing pages under /portal and the staff page that invites client users.
    /// </summary>
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddSingleton<IPasswordHasher<PortalUser>, PasswordHasher<PortalUser>>();
        services.AddScoped<PortalAccounts>();
        services.AddScoped<IPortalSessions>(provider => provider.GetRequiredService<PortalAccounts>());
        services.AddScoped<PortalSignIn>();
        services.AddScoped<PortalInvitations>();
        services.AddScoped<PortalUserChanges>();
        services.AddScoped<PortalScope>();
        services.AddScoped<PortalPageViews>();
        services.AuthorizePageFolder("/Portal/Site", Policies.ClientPortal);
        services.AuthorizePageFolder("/Portal/Users", Policies.ReadClients);
        return services.Configure<RazorPagesOptions>(options =>
        {
            // Signing in and accepting an invitation come before any session.
            options.Conventions.AllowAnonymousToPage("/Portal/Site/SignIn");
            options.Conventions.AllowAnonymousToPage("/Portal/Site/Accept");
            options.Conventions.AllowAnonymousToPage("/Portal/Site/Language");
            options.Conventions.AddFolderApplicationModelConvention("/Portal/Site",
                model => model.Filters.Add(new ServiceFilterAttribute(typeof(PortalPageViews))));
        });
    }
}
