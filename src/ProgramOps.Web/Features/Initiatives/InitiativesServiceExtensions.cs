using ProgramOps.Web.Infrastructure.Jobs;

namespace ProgramOps.Web.Features.Initiatives;

public static class InitiativesServiceExtensions
{
    /// <summary>
    /// Everyone who reads cohorts reads initiatives (plans and team counts, no one named); those who run cohorts start and
    /// edit them (the pages that write say so themselves).
    /// </summary>
    public static IServiceCollection AddInitiatives(this IServiceCollection services) =>
        services
            .AddScoped<InitiativeWrites>()
            .AddScheduledJob<DecayWatchJob, InitiativesText>(DecayWatchJob.Key, "0 20 7 ? * MON")
            .AuthorizePageFolder("/Initiatives", Policies.ReadCohorts);
}
