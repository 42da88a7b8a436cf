using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Cohorts;

public static class ProgramClockSql
{
    /// <summary>Participants the end of the program still finds open, in id order after <c>@AfterId</c>: not linked yet, or still in it without a final answer.</summary>
    public static string StillOpen(SqlDialect dialect) =>
        $"""
        SELECT Id, ClientId, State, Version, LastCheckInOn, TeamId FROM Participants
        WHERE CohortId = @CohortId AND Id > @AfterId AND State IN ('Invited', 'Active', 'AtRisk')
        {dialect.OrderAndPage("Id")}
        """;

    /// <summary>Records a milestone the first time the clock sees it reached.</summary>
    public const string RecordMilestone =
        """
        INSERT INTO CohortMilestones (CohortId, Week, Name, ReachedOn)
        SELECT @CohortId, @Week, @Name, @ReachedOn
        WHERE NOT EXISTS (SELECT 1 FROM CohortMilestones WHERE CohortId = @CohortId AND Week = @Week AND Name = @Name)
        """;

    public const string InProgram =
        """
        SELECT COUNT(*) FROM Participants
        WHERE CohortId = @CohortId AND State IN ('Invited', 'Enrolled', 'Onboarding', 'Active', 'AtRisk')
        """;
}

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

    private const string NoAnswer = "no final assessment answer by the deadline";

    private static readonly PlannedTransition Expire = new((l, cause) => l.Fire(ParticipantTrigger.ExpireInvitation, cause), NoAnswer);
    private static readonly PlannedTransition NotSucceeded = new((l, cause) => l.Complete(cause, ParticipantOutcome.NotSucceeded), NoAnswer);

    public override async Task<int> RunAsync(CancellationToken ct)
    {
        var items = 0;
        foreach (var cohort in await CohortDays.RunningAsync(Db, clock.UtcNow, ct))
        {
            items += await RecordMilestonesAsync(cohort, ct);
            if (cohort.Today > cohort.StartDate.AddDays((cohort.Program.DurationWeeks * 7) + FinalAnswerDays)) items += await CloseAsync(cohort, ct);
        }

        return items;
    }

    private async Task<int> RecordMilestonesAsync(CohortDay cohort, CancellationToken ct) =>
        await Db.InTransactionAsync(async (c, t) =>
        {
            var recorded = 0;
            foreach (var milestone in cohort.Program.Milestones.Where(m => cohort.StartDate.AddDays(m.Week * 7) <= cohort.Today))
            {
                var reachedOn = cohort.StartDate.AddDays(milestone.Week * 7);
                if (await c.ExecuteAsync(new CommandDefinition(ProgramClockSql.RecordMilestone, new
                {
                    cohort.CohortId, milestone.Week, milestone.Name, ReachedOn = reachedOn,
                }, t, cancellationToken: ct)) == 0) continue;
                recorded++;
                await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohort.CohortId.ToString(), "MilestoneReached",
                    $"{cohort.CohortName}: week {milestone.Week} {milestone.Name} ({reachedOn:yyyy-MM-dd})"), null, TransitionCause.System);
            }

            return recorded;
        }, ct);

    private async Task<int> CloseAsync(CohortDay cohort, CancellationToken ct)
    {
        var closed = await batches.FireAsync(cohort, ProgramClockSql.StillOpen(Db.Dialect), new { },
            participant => participant.State == ParticipantState.Invited ? Expire : NotSucceeded, afterBatch: null, TransitionCause.System, ct);

        await Db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<int>(new CommandDefinition(ProgramClockSql.InProgram, new { cohort.CohortId }, t, cancellationToken: ct)) > 0) return;
            var completed = await c.ExecuteAsync(new CommandDefinition(CohortsSql.SetStatus, new
            {
                Id = cohort.CohortId, cohort.Version, From = nameof(CohortStatus.Running), Status = nameof(CohortStatus.Completed), Now = clock.UtcNow, Actor = TransitionCause.System,
            }, t, cancellationToken: ct));
            if (completed == 1)
            {
                await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohort.CohortId.ToString(), "CohortCompleted", cohort.CohortName,
                    new Dictionary<string, FieldChange> { ["Status"] = new(nameof(CohortStatus.Running), nameof(CohortStatus.Completed)) }), null, TransitionCause.System);
            }
        }, ct);
        return closed;
    }
}
