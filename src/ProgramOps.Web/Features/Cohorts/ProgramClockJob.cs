using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Cohorts;

public static class ProgramClockSql
{
    /// <summary>Participants the end of the program still finds open: not linked yet, or still in it without a final answer.</summary>
    public const string StillOpen =
        """
        SELECT Id, State, Version FROM Participants
        WHERE CohortId = @CohortId AND State IN ('Invited', 'Active', 'AtRisk')
        ORDER BY Id
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
/// of the program is reached on the start day plus W weeks); once a running cohort's final assessment window has closed
/// (<see cref="FinalAnswerDays"/> after the program's last day), participants who never linked the app are expired,
/// those still in the program without a final answer complete as not succeeded, and a cohort nobody is left in
/// completes. Idempotent: what it closed, it does not find again.
/// </summary>
public sealed class ProgramClockJob(Db db, ParticipantTransitions transitions, AuditTrail audit, LocalClock clock, ILogger<ProgramClockJob> logger)
    : RecordedJob(db, clock.Time, logger)
{
    public static readonly JobKey Key = new("program-clock", "cohorts");

    /// <summary>How long after the program's end a final assessment answer is still taken.</summary>
    public const int FinalAnswerDays = 7;

    private sealed record CohortRow
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public DateOnly StartDate { get; init; }
        public int Version { get; init; }
        public required string Definition { get; init; }
    }

    private sealed record OpenParticipant
    {
        public long Id { get; init; }
        public ParticipantState State { get; init; }
        public int Version { get; init; }
    }

    public override async Task<int> RunAsync(CancellationToken ct)
    {
        List<CohortRow> cohorts;
        await using (var connection = await Db.OpenAsync(ct))
        {
            cohorts = [.. await connection.QueryAsync<CohortRow>(new CommandDefinition(CohortsSql.Running, cancellationToken: ct))];
        }

        var items = 0;
        foreach (var cohort in cohorts)
        {
            var program = ProgramDefinitionJson.Deserialize(cohort.Definition);
            var today = program.DateAt(clock.UtcNow);
            items += await RecordMilestonesAsync(cohort, program, today, ct);
            if (today > cohort.StartDate.AddDays((program.DurationWeeks * 7) + FinalAnswerDays)) items += await CloseAsync(cohort, ct);
        }

        return items;
    }

    private async Task<int> RecordMilestonesAsync(CohortRow cohort, ProgramDefinition program, DateOnly today, CancellationToken ct) =>
        await Db.InTransactionAsync(async (c, t) =>
        {
            var recorded = 0;
            foreach (var milestone in program.Milestones.Where(m => cohort.StartDate.AddDays(m.Week * 7) <= today))
            {
                recorded += await c.ExecuteAsync(new CommandDefinition(ProgramClockSql.RecordMilestone, new
                {
                    CohortId = cohort.Id, milestone.Week, milestone.Name, ReachedOn = cohort.StartDate.AddDays(milestone.Week * 7),
                }, t, cancellationToken: ct));
            }

            return recorded;
        }, ct);

    private async Task<int> CloseAsync(CohortRow cohort, CancellationToken ct) => await Db.InTransactionAsync(async (c, t) =>
    {
        var open = await c.QueryAsync<OpenParticipant>(new CommandDefinition(ProgramClockSql.StillOpen, new { CohortId = cohort.Id }, t, cancellationToken: ct));
        var count = 0;
        foreach (var participant in open)
        {
            Func<ParticipantLifecycle, TransitionCause, ParticipantTransition> close = participant.State == ParticipantState.Invited
                ? (l, cause) => l.Fire(ParticipantTrigger.ExpireInvitation, cause)
                : (l, cause) => l.Complete(cause, ParticipantOutcome.NotSucceeded);
            var result = await transitions.FireAsync(c, t, participant.Id, participant.Version, close, null, TransitionCause.System,
                "no final assessment answer by the deadline", eventId: null, ct);
            if (result is Transitioned) count++;
        }

        if (await c.ExecuteScalarAsync<int>(new CommandDefinition(ProgramClockSql.InProgram, new { CohortId = cohort.Id }, t, cancellationToken: ct)) == 0)
        {
            var completed = await c.ExecuteAsync(new CommandDefinition(CohortsSql.SetStatus, new
            {
                cohort.Id, cohort.Version, From = nameof(CohortStatus.Running), Status = nameof(CohortStatus.Completed), Now = clock.UtcNow, Actor = TransitionCause.System,
            }, t, cancellationToken: ct));
            if (completed == 1)
            {
                await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohort.Id.ToString(), "CohortCompleted", cohort.Name,
                    new Dictionary<string, FieldChange> { ["Status"] = new(nameof(CohortStatus.Running), nameof(CohortStatus.Completed)) }), null, TransitionCause.System);
            }
        }

        return count;
    }, ct);
}
