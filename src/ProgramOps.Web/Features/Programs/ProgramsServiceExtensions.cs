namespace ProgramOps.Web.Features.Programs;

public static class ProgramsServiceExtensions
{
    public static IServiceCollection AddPrograms(this IServiceCollection services) =>
        services.AddScoped<ProgramQueries>().AuthorizePageFolder("/Programs", Policies.ReadPrograms);
}
