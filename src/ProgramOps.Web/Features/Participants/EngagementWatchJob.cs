using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// Engagement watch (daily): a participant without a check-in for the program's at-risk threshold becomes at risk,
/// with a CS action to reach out; one silent for the drop-out threshold drops out. Through each participant's state
/// machine and the transition log, in batches (see <see cref="ParticipantBatches"/>). Actions whose participant is no
/// longer at risk close themselves. Idempotent: a second run finds nobody new to move and opens no second action; a
/// run cut off part-way has committed whole batches, and the next run finds the rest.
/// </summary>
public sealed class EngagementWatchJob(Db db, ParticipantBatches batches, LocalClock clock, ILogger<EngagementWatchJob> logger)
    : RecordedJob(db, clock.Time, logger)
{
    public static readonly JobKey Key = new("engagement-watch", "participants");

    public override async Task<JobResult> RunAsync(CancellationToken ct)
    {
        var run = BatchRun.None;
        foreach (var cohort in await CohortDays.RunningAsync(Db, Time.GetUtcNow(), ct))
        {
            var program = cohort.Program;
            run = run.Plus(await batches.FireAsync(cohort, ParticipantsSql.Quiet(Db.Dialect),
                new { cohort.StartDate, QuietSince = cohort.Today.AddDays(-program.AtRiskAfterDays), DropOutSince = cohort.Today.AddDays(-program.DropOutAfterDays) },
                participant =>
                {
                    var days = cohort.Today.DayNumber - (participant.LastCheckInOn ?? cohort.StartDate).DayNumber;
                    var reason = TransitionReasons.NoCheckInFor(days);
                    if (days >= program.DropOutAfterDays) return new((l, cause) => l.Fire(ParticipantTrigger.DropOut, cause), reason);
                    if (ParticipantLifecycle.MayBecomeAtRisk(participant.State)) return new((l, cause) => l.Fire(ParticipantTrigger.MarkAtRisk, cause), reason);
                    return null;
                },
                (c, t, steps) => CsActions.OpenManyAsync(c, t, steps
                    .Where(s => s.Transition.To == ParticipantState.AtRisk)
                    .Select(s => CsActionRequest.AtRisk(s.Participant.Id, cohort.CohortId, s.Participant.ClientId,
                        cohort.Today.DayNumber - (s.Participant.LastCheckInOn ?? cohort.StartDate).DayNumber, cohort.Today)),
                    TransitionCause.System, Time.GetUtcNow(), ct),
                TransitionCause.System, ct));
        }

        await Db.InTransactionAsync(async (c, t) =>
        {
            await CsActions.ReviewAsync(c, t, TransitionCause.System, clock.UtcNow, clock.Today, ct);
        }, ct);
        return new JobResult(run.Moved, run.Refused, run.Conflicts);
    }
}
