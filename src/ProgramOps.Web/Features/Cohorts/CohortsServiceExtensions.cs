using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Teams;

namespace ProgramOps.Web.Features.Cohorts;

public static class CohortsServiceExtensions
{
    public static IServiceCollection AddCohorts(this IServiceCollection services) =>
        services
            .AddSingleton<ImportProgressBoard>()
            .AddSingleton<ImportQueueSignal>()
            .AddScoped<RosterImportProcessor>()
            .AddHostedService<RosterImportWorker>()
            .AddScoped<ParticipantTransitions>()
            .AddScoped<ParticipantBatches>()
            .AddScoped<CohortTeams>()
            .AddScoped<CohortSteps>();
}
