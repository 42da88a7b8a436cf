using ProgramOps.Web.Infrastructure.Jobs;

namespace ProgramOps.Web.Features.Participants;

public static class ParticipantsServiceExtensions
{
    public static IServiceCollection AddParticipants(this IServiceCollection services) =>
        services
            .AddScoped<ParticipantTransitions>()
            .AddScoped<ParticipantPrivacy>()
            .AddScoped<ParticipantBatches>()
            .AddScheduledJob<EngagementWatchJob, ParticipantsText>(EngagementWatchJob.Key, "0 0 6 * * ?")
            .AuthorizePageFolder("/Participants", Policies.ReadCohorts);
}
