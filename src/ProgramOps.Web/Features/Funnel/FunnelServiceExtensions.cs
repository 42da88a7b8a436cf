namespace ProgramOps.Web.Features.Funnel;

public static class FunnelServiceExtensions
{
    /// <summary>The funnel explorer is for the staff who work on outcomes; its drill-down to people needs personal-data access too.</summary>
    public static IServiceCollection AddFunnel(this IServiceCollection services) =>
        services
            .AddScoped<FunnelExplorer>()
            .AuthorizePageFolder("/Funnel", Policies.PreviewReports);
}
