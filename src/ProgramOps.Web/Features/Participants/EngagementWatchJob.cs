using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Participants;

public static class EngagementWatchSql
{
    /// <summary>Participants of a cohort who have not checked in since <c>@QuietSince</c> (or ever, counting from the start).</summary>
    public const string Quiet =
        """
        SELECT p.Id, p.ClientId, p.State, p.Version, p.LastCheckInOn
        FROM Participants p JOIN Cohorts co ON co.Id = p.CohortId
        WHERE p.CohortId = @CohortId AND p.State IN ('Enrolled', 'Onboarding', 'Active', 'AtRisk')
          AND COALESCE(p.LastCheckInOn, co.StartDate) <= @QuietSince
        ORDER BY p.Id
        """;
}

/// <summary>
/// Engagement watch (daily): a participant without a check-in for the program's at-risk threshold becomes at risk,
/// with a CS action to reach out; one silent for the drop-out threshold drops out. Through the same state machine and
/// transition log as staff. Actions whose participant is no longer at risk close themselves. Idempotent: a second
/// run finds nobody new to move and opens no second action.
/// </summary>
public sealed class EngagementWatchJob(Db db, ParticipantTransitions transitions, LocalClock clock, ILogger<EngagementWatchJob> logger)
    : RecordedJob(db, clock.Time, logger)
{
    public static readonly JobKey Key = new("engagement-watch", "participants");
    private const int BatchSize = 500;

    private sealed record CohortRow
    {
        public int Id { get; init; }
        public DateOnly StartDate { get; init; }
        public required string Definition { get; init; }
    }

    private sealed record QuietParticipant
    {
        public long Id { get; init; }
        public int ClientId { get; init; }
        public ParticipantState State { get; init; }
        public int Version { get; init; }
        public DateOnly? LastCheckInOn { get; init; }
    }

    public override async Task<int> RunAsync(CancellationToken ct)
    {
        var moved = 0;
        List<CohortRow> cohorts;
        await using (var connection = await Db.OpenAsync(ct))
        {
            cohorts = [.. await connection.QueryAsync<CohortRow>(new CommandDefinition(CohortsSql.Running, cancellationToken: ct))];
        }

        foreach (var cohort in cohorts)
        {
            var program = ProgramDefinitionJson.Deserialize(cohort.Definition);
            var today = program.DateAt(Time.GetUtcNow());
            List<QuietParticipant> quiet;
            await using (var connection = await Db.OpenAsync(ct))
            {
                quiet = [.. await connection.QueryAsync<QuietParticipant>(new CommandDefinition(EngagementWatchSql.Quiet,
                    new { CohortId = cohort.Id, QuietSince = today.AddDays(-program.AtRiskAfterDays) }, cancellationToken: ct))];
            }

            foreach (var batch in quiet.Chunk(BatchSize))
            {
                moved += await Db.InTransactionAsync(async (c, t) =>
                {
                    var count = 0;
                    foreach (var participant in batch)
                    {
                        var days = today.DayNumber - (participant.LastCheckInOn ?? cohort.StartDate).DayNumber;
                        ParticipantTrigger? trigger = days >= program.DropOutAfterDays ? ParticipantTrigger.DropOut
                            : participant.State is ParticipantState.Onboarding or ParticipantState.Active ? ParticipantTrigger.MarkAtRisk
                            : null;
                        if (trigger is not { } fire) continue;
                        var reason = $"no check-in for {days} days";
                        var result = await transitions.FireAsync(c, t, participant.Id, participant.Version, (l, cause) => l.Fire(fire, cause),
                            actorUserId: null, TransitionCause.System, reason, eventId: null, ct);
                        if (result is not Transitioned) continue;
                        count++;
                        if (fire == ParticipantTrigger.MarkAtRisk)
                            await CsActions.OpenAsync(c, t, CsActionRequest.AtRisk(participant.Id, cohort.Id, participant.ClientId, days, today.AddDays(1)), TransitionCause.System, Time.GetUtcNow(), ct);
                    }

                    return count;
                }, ct);
            }
        }

        await Db.InTransactionAsync(async (c, t) =>
        {
            await CsActions.ReviewAsync(c, t, TransitionCause.System, clock.UtcNow, clock.Today, ct);
        }, ct);
        return moved;
    }
}
