using ProgramOps.Web.Infrastructure.Jobs;

namespace ProgramOps.Web.Features.Supplies;

public static class SuppliesServiceExtensions
{
    public static IServiceCollection AddSupplies(this IServiceCollection services) =>
        services
            .AddScheduledJob<SuppliesJob, SuppliesText>(SuppliesJob.Key, "0 45 6 * * ?")
            .AuthorizePageFolder("/Supplies", Policies.ReadCohorts);
}
