using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Jobs;
using ProgramOps.Web.Infrastructure.Text;
using Quartz;

namespace ProgramOps.Web.Features.Cohorts;

/// <summary>
/// Program clock (daily, in each program's time zone): records each milestone a running cohort has reached (week W
/// of the program is reached on the start day plus W weeks) in the cohort's milestones and its audit history. Once a
/// running cohort's final assessment window has closed (<see cref="FinalAnswerDays"/> after the program's last day),
/// participants who never linked the app are expired, those still in the program without a final answer complete as
/// not succeeded (in batches, see <see cref="ParticipantBatches"/>), and a cohort nobody is left in completes.
/// Idempotent: what it closed, it does not find again; a run cut off part-way has committed whole batches, and the
/// next run closes the rest.
/// </summary>
public sealed class ProgramClockJob(Db db, ParticipantBatches batches, AuditTrail audit, LocalClock clock, ILogger<ProgramClockJob> logger)
    : RecordedJob(db, clock.Time, logger)
{
    public static readonly JobKey Key = new("program-clock", "cohorts");

    /// <summary>How long after the program's end a final assessment answer is still taken.</summary>
    public const int FinalAnswerDays = 7;

    private static readonly PlannedTransition Expire = new((l, cause) => l.Fire(ParticipantTrigger.ExpireInvitation, cause),
        CodedText.Encode(TransitionReasons.NeverLinked));

    private static readonly PlannedTransition NotSucceeded = new((l, cause) => l.Complete(cause, ParticipantOutcome.NotSucceeded),
        CodedText.Encode(TransitionReasons.NoFinalAnswer));

    public override async Task<JobResult> RunAsync(CancellationToken ct)
    {
        var milestones = 0;
        var closed = BatchRun.None;
        foreach (var cohort in await CohortDays.RunningAsync(Db, clock.UtcNow, ct))
        {
            milestones += await RecordMilestonesAsync(cohort, ct);
            if (cohort.Today > cohort.Program.EndsOn(cohort.StartDate).AddDays(FinalAnswerDays)) closed = closed.Plus(await CloseAsync(cohort, ct));
        }

        return new JobResult(milestones + closed.Moved, closed.Refused, closed.Conflicts);
    }

    private async Task<int> RecordMilestonesAsync(CohortDay cohort, CancellationToken ct) =>
        await Db.InTransactionAsync(async (c, t) =>
        {
            var recorded = 0;
            foreach (var milestone in cohort.Program.Milestones.Where(m => m.ReachedOn(cohort.StartDate) <= cohort.Today))
            {
                var reachedOn = milestone.ReachedOn(cohort.StartDate);
                if (await c.ExecuteAsync(new CommandDefinition(CohortsSql.RecordMilestone, new
                {
                    cohort.CohortId, Week = milestone.WeeksAfterStart, milestone.Name, ReachedOn = reachedOn,
                }, t, cancellationToken: ct)) == 0) continue;
                recorded++;
                await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohort.CohortId.ToString(), "MilestoneReached",
                    CodedText.Encode(AuditSummaries.MilestoneReached, cohort.CohortName, milestone.WeeksAfterStart, milestone.Name, reachedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), milestone.NameEn)),
                    null, TransitionCause.System);
            }

            return recorded;
        }, ct);

    private async Task<BatchRun> CloseAsync(CohortDay cohort, CancellationToken ct)
    {
        var closed = await batches.FireAsync(cohort, ParticipantsSql.ClosedAtProgramEnd(Db.Dialect), new { },
            participant => participant.State == ParticipantState.Invited ? Expire : NotSucceeded, afterBatch: null, TransitionCause.System, ct);

        await Db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<int>(new CommandDefinition(ParticipantsSql.CountTakingPart, new { cohort.CohortId }, t, cancellationToken: ct)) > 0) return;
            if (await CohortPlanning.SetStatusAsync(c, t, cohort.CohortId, cohort.Version, CohortStatus.Running, CohortStatus.Completed, clock.UtcNow, TransitionCause.System, ct))
            {
                await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohort.CohortId.ToString(), "CohortCompleted", cohort.CohortName,
                    new Dictionary<string, FieldChange> { ["Status"] = new(nameof(CohortStatus.Running), nameof(CohortStatus.Completed)) }), null, TransitionCause.System);
            }
        }, ct);
        return closed;
    }
}
