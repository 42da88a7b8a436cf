namespace ProgramOps.Web.Features.Interviews;

public static class InterviewsServiceExtensions
{
    /// <summary>Interviews hold names and personal notes: only those who run cohorts (and may read personal data) see them.</summary>
    public static IServiceCollection AddInterviews(this IServiceCollection services) =>
        services
            .AddScoped<InterviewWrites>()
            .AuthorizePageFolder("/Interviews", Policies.ReadPersonalData);
}
