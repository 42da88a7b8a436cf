using ProgramOps.Web.Infrastructure.Jobs;

namespace ProgramOps.Web.Features.Teams;

public static class TeamsServiceExtensions
{
    public static IServiceCollection AddTeams(this IServiceCollection services) =>
        services
            .AddScoped<CohortTeams>()
            .AddScheduledJob<TeamHealthJob, TeamsText>(TeamHealthJob.Key, "0 15 6 * * ?")
            .AuthorizePageFolder("/Teams", Policies.ReadCohorts);
}
