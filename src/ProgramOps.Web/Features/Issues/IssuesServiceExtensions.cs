namespace ProgramOps.Web.Features.Issues;

public static class IssuesServiceExtensions
{
    /// <summary>Issues are worked by those who run cohorts: their evidence is interview findings, personal free text.</summary>
    public static IServiceCollection AddIssues(this IServiceCollection services) =>
        services
            .AddScoped<IssueWrites>()
            .AuthorizePageFolder("/Issues", Policies.RunCohorts);
}
