using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Infrastructure.Jobs;

namespace ProgramOps.Web.Features.Clients;

public static class ClientsServiceExtensions
{
    public static IServiceCollection AddClients(this IServiceCollection services) =>
        services
            .AddScoped<ClientForm>()
            .AddScoped<ClientQueries>()
            .AddScoped<ClientTimeline>()
            .AddScoped<Client360Reader>()
            .AddStartupTask<Contracts.ContractProgramMatching>()
            .AddScheduledJob<RenewalsJob, ClientsText>(RenewalsJob.Key, "0 30 6 * * ?")
            .AddScheduledJob<Signals.ClientSignalsJob, Signals.SignalsText>(Signals.ClientSignalsJob.Key, "0 40 7 * * ?")
            .AddScheduledJob<Playbooks.PlaybookJob, Playbooks.PlaybooksText>(Playbooks.PlaybookJob.Key, "0 50 7 * * ?")
            .AuthorizePageFolder("/Clients", Policies.ReadClients);
}
