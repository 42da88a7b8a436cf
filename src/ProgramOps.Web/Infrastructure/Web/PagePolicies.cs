namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>Lets each feature put its own pages under the policy they need, where the feature registers itself.</summary>
public static class PagePolicies
{
    public static IServiceCollection AuthorizePageFolder(this IServiceCollection services, string folder, string policy) =>
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder(folder, policy));
}
