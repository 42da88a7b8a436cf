namespace ProgramOps.Web.Features.Revenue;

public static class RevenueServiceExtensions
{
    public static IServiceCollection AddRevenue(this IServiceCollection services, IConfiguration configuration) =>
        services
            .Configure<RevenueOptions>(configuration.GetSection(RevenueOptions.Section))
            .AddSingleton<RevenueReader>()
            .AddScoped<RevenueCsv>()
            .AuthorizePageFolder("/Revenue", Policies.ReadRevenue);
}
