using ProgramOps.Web.Features.Admin.Audit;

namespace ProgramOps.Web.Features.Admin;

public static class AdminServiceExtensions
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) =>
        services.AddScoped<AuditLogQueries>().AddSingleton<AuditWords>().AuthorizePageFolder("/Admin", Policies.Admin);
}
