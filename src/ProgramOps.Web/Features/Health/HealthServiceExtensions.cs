using ProgramOps.Web.Infrastructure.Jobs;

namespace ProgramOps.Web.Features.Health;

public static class HealthServiceExtensions
{
    public static IServiceCollection AddHealth(this IServiceCollection services) =>
        services
            .AddScoped<HealthAssessor>()
            // Mondays before the working day, after the daily jobs have moved cohorts and participants on.
            .AddScheduledJob<HealthSnapshotJob, HealthText>(HealthSnapshotJob.Key, "0 30 7 ? * MON")
            .AuthorizePageFolder("/Health", Policies.ReadClients);
}
