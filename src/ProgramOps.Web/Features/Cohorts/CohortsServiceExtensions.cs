using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Infrastructure.Jobs;

namespace ProgramOps.Web.Features.Cohorts;

public static class CohortsServiceExtensions
{
    public static IServiceCollection AddCohorts(this IServiceCollection services) =>
        services
            .AddSingleton<ImportProgressBoard>()
            .AddSingleton<ImportQueueSignal>()
            .AddSingleton(ImportWorkerIdentity.OfThisProcess())
            .AddScoped<RosterImportProcessor>()
            .AddHostedService<RosterImportWorker>()
            .AddScoped<CohortSteps>()
            .AddScheduledJob<ProgramClockJob, CohortsText>(ProgramClockJob.Key, "0 45 5 * * ?")
            .AuthorizePageFolder("/Cohorts", Policies.ReadCohorts)
            // An import's pages show the roster's rows (names, e-mails, employee numbers): only for those who see personal data.
            .AuthorizePageFolder("/Cohorts/Imports", Policies.ReadPersonalData);
}
