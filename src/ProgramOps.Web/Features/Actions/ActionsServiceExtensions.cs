namespace ProgramOps.Web.Features.Actions;

public static class ActionsServiceExtensions
{
    public static IServiceCollection AddActions(this IServiceCollection services) =>
        services.AuthorizePageFolder("/Actions", Policies.ReadCohorts);
}
