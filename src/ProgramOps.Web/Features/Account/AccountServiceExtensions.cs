using Microsoft.AspNetCore.Identity;

namespace ProgramOps.Web.Features.Account;

public static class AccountServiceExtensions
{
    public static IServiceCollection AddAccount(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<IAccountStamps>(provider => provider.GetRequiredService<UserAccounts>());
        services.AddScoped<StaffSignIn>();
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.AddScoped<AdministratorBootstrap>();
        services.AddStartupTask<FirstAdministratorTask>();
        // Signing in, and choosing the language before it, must work for someone not signed in yet.
        return services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            options.Conventions.AllowAnonymousToPage("/Account/Language");
        });
    }
}
