using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Supplies;
using ProgramOps.Web.Features.Teams;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Admin.Jobs;

/// <summary>The jobs the console schedules, with when they run (in the console's time zone).</summary>
public static class ScheduledJobs
{
    public static readonly IReadOnlyList<ScheduledJob> All =
    [
        new(typeof(ProgramClockJob), ProgramClockJob.Key, "0 45 5 * * ?", "Jobs.ProgramClock"),
        new(typeof(EngagementWatchJob), EngagementWatchJob.Key, "0 0 6 * * ?", "Jobs.EngagementWatch"),
        new(typeof(TeamHealthJob), TeamHealthJob.Key, "0 15 6 * * ?", "Jobs.TeamHealth"),
        new(typeof(RenewalsJob), RenewalsJob.Key, "0 30 6 * * ?", "Jobs.Renewals"),
        new(typeof(SuppliesJob), SuppliesJob.Key, "0 45 6 * * ?", "Jobs.Supplies"),
    ];

    public static IServiceCollection AddScheduledJobs(this IServiceCollection services, IConfiguration configuration) =>
        services.AddProgramOpsJobs(configuration, All);
}
