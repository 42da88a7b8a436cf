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
            .AuthorizePageFolder("/Initiatives", Policies.ReadCohorts);
}
