using ProgramOps.Web.Infrastructure.Jobs;

namespace ProgramOps.Web.Features.Participants;

public static class ParticipantsServiceExtensions
{
    public static IServiceCollection AddParticipants(this IServiceCollection services)
    {
        services.AddOptions<Invitations.InvitationOptions>().BindConfiguration(Invitations.InvitationOptions.Section);
        return services
            .AddScoped<ParticipantTransitions>()
            .AddScoped<ParticipantPrivacy>()
            .AddScoped<Invitations.InvitationFiles>()
            .AddScoped<Invitations.ClientInvitationLetters>()
            .AddScoped<ParticipantBatches>()
            .AddStartupTask<ParticipantSearchKeysBackfill>()
            .AddScheduledJob<EngagementWatchJob, ParticipantsText>(EngagementWatchJob.Key, "0 0 6 * * ?")
            .AuthorizePageFolder("/Participants", Policies.ReadCohorts)
            // Letters, codes and reminder lists name people: for those who run cohorts.
            .AuthorizePageFolder("/Participants/Invitations", Policies.RunCohorts);
    }
}
