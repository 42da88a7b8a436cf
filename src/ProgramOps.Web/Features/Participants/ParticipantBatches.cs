using System.Data;
using ProgramOps.Web.Features.Cohorts;

namespace ProgramOps.Web.Features.Participants;

/// <summary>A participant as a daily job reads them: what the lifecycle's guards and the job's decision need.</summary>
public sealed record ParticipantSnapshot
{
    public long Id { get; init; }
    public int ClientId { get; init; }
    public ParticipantState State { get; init; }
    public int Version { get; init; }
    public DateOnly? LastCheckInOn { get; init; }
    public int? TeamId { get; init; }
}

/// <summary>What a job decided for one participant: the lifecycle step to fire and the reason logged with it.</summary>
public sealed record PlannedTransition(Func<ParticipantLifecycle, TransitionCause, ParticipantTransition> Fire, string Reason);

/// <summary>A transition a batch made, with the participant it moved.</summary>
public sealed record BatchStep(ParticipantSnapshot Participant, ParticipantTransition Transition);

/// <summary>
/// What a batched run came to: who moved, and the planned steps that did not happen — refused by the participant's own
/// state machine, or lost to someone else's change since the batch was read (the next run looks again).
/// </summary>
public sealed record BatchRun(int Moved, int Refused, int Conflicts)
{
    public static readonly BatchRun None = new(0, 0, 0);

    public BatchRun Plus(BatchRun other) => new(Moved + other.Moved, Refused + other.Refused, Conflicts + other.Conflicts);
}

/// <summary>
/// Moves many participants of one cohort through the lifecycle, for the daily jobs: the candidates are read in id
/// order, a batch at a time, and each batch's steps are written in one short transaction. Every participant's step is
/// still decided by their own state machine, written only if their version is unchanged since the read (someone else's
/// change wins; the next run looks again), and logged in the transition log — the participant's history. The audit log
/// gets one entry per batch on the cohort, as team formation does, rather than one per participant.
/// </summary>
/// <remarks>
/// SQLite has one writer, so a batch is read, on a connection of its own, and its steps are decided before its turn at
/// the writer, which is held only for the writes. A participant changed between the read and the write is no less
/// checked: the version check is what decides, as it does for a participant saved by staff since a page was shown.
/// (Reading the next batch on a pool thread while one is written gained nothing: 10.00 and 9.73 s against 9.84 and
/// 9.57 s, alternated.)
/// </remarks>
public sealed class ParticipantBatches(Db db, AuditTrail audit, TimeProvider time)
{
    /// <summary>Large enough that a commit costs little per row, small enough that the API's writers wait briefly.</summary>
    public const int Size = 2_000;

    /// <param name="candidates">A query of <see cref="ParticipantSnapshot"/> columns that reads <c>@CohortId</c>,
    /// <c>@AfterId</c> and the paging parameters, ordered by id.</param>
    /// <param name="afterBatch">Further writes for the steps of a batch, in its transaction (e.g. opening CS actions).</param>
    /// <returns>How many participants moved, and how many planned steps did not happen and why.</returns>
    public async Task<BatchRun> FireAsync(
        CohortDay cohort, string candidates, object filter, Func<ParticipantSnapshot, PlannedTransition?> plan,
        Func<DbConnection, DbTransaction, IReadOnlyList<BatchStep>, Task>? afterBatch, string actor, CancellationToken ct)
    {
        var run = BatchRun.None;
        var afterId = 0L;
        while (true)
        {
            var batch = await ReadAsync(cohort, candidates, filter, afterId, ct);
            if (batch.Count == 0) return run;

            var now = time.GetUtcNow();
            var (decided, refused) = Decide(cohort, batch, plan, actor, now);
            List<BatchStep> written = decided.Count == 0 ? [] : await db.InTransactionAsync(async (c, t) =>
            {
                var steps = await WriteAsync(c, t, decided, actor, now, ct);
                if (steps.Count > 0)
                {
                    if (afterBatch is not null) await afterBatch(c, t, steps);
                    await audit.RecordAsync(c, t, Summary(cohort, steps), null, actor);
                }

                return steps;
            }, ct);

            run = run.Plus(new BatchRun(written.Count, refused, decided.Count - written.Count));
            if (batch.Count < Size) return run;
            afterId = batch[^1].Id;
        }
    }

    private async Task<List<ParticipantSnapshot>> ReadAsync(CohortDay cohort, string candidates, object filter, long afterId, CancellationToken ct)
    {
        var parameters = new DynamicParameters(filter);
        parameters.AddDynamicParams(new { cohort.CohortId, AfterId = afterId, Skip = 0, Take = Size });
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<ParticipantSnapshot>(new CommandDefinition(candidates, parameters, cancellationToken: ct))).AsList();
    }

    /// <summary>Each participant's planned step as their own state machine takes it; the steps it refuses are counted.</summary>
    private static (List<BatchStep> Decided, int Refused) Decide(
        CohortDay cohort, List<ParticipantSnapshot> batch, Func<ParticipantSnapshot, PlannedTransition?> plan, string actor, DateTimeOffset now)
    {
        var decided = new List<BatchStep>();
        var refused = 0;
        foreach (var participant in batch)
        {
            if (plan(participant) is not { } planned) continue;
            var lifecycle = new ParticipantLifecycle(participant.State,
                new ParticipantFacts(cohort.Program, cohort.StartDate, cohort.Today, participant.LastCheckInOn, HasTeam: participant.TeamId is not null));
            try
            {
                decided.Add(new BatchStep(participant, planned.Fire(lifecycle, new TransitionCause(actor, now, planned.Reason))));
            }
            catch (TransitionRefusedException)
            {
                // The participant's own machine says no (a guard not met): they stay as they are, and the run counts them.
                refused++;
            }
        }

        if (decided.Any(s => s.Transition.To == ParticipantState.Withdrawn))
            throw new InvalidOperationException("Withdrawal erases personal data and is fired one participant at a time (ParticipantTransitions).");
        return (decided, refused);
    }

    /// <returns>The steps written; the others lost to someone else's change since the batch was read.</returns>
    private static async Task<List<BatchStep>> WriteAsync(DbConnection c, DbTransaction t, List<BatchStep> decided, string actor, DateTimeOffset now, CancellationToken ct)
    {
        using var setState = new PreparedCommand(c, t, ParticipantsSql.SetState,
            ("State", DbType.String), ("Outcome", DbType.String), ("Now", DbType.DateTimeOffset), ("Actor", DbType.String), ("Id", DbType.Int64), ("Version", DbType.Int32));
        using var log = new PreparedCommand(c, t, ParticipantsSql.InsertTransition,
            ("ParticipantId", DbType.Int64), ("FromState", DbType.String), ("ToState", DbType.String), ("TriggerName", DbType.String),
            ("Outcome", DbType.String), ("Actor", DbType.String), ("OccurredAt", DbType.DateTimeOffset), ("Reason", DbType.String), ("EventId", DbType.String));
        setState.Set("Now", now).Set("Actor", actor);
        log.Set("Actor", actor).Set("OccurredAt", now).Set("EventId", null);

        var written = new List<BatchStep>(decided.Count);
        foreach (var step in decided)
        {
            var (participant, transition) = (step.Participant, step.Transition);
            var outcome = transition.Outcome?.ToString();
            // Someone changed the participant since the batch was read: their change wins, the next run looks again.
            if (await setState.Set("State", transition.To.ToString()).Set("Outcome", outcome).Set("Id", participant.Id).Set("Version", participant.Version).ExecuteAsync(ct) == 0)
                continue;

            await log.Set("ParticipantId", participant.Id).Set("FromState", transition.From.ToString()).Set("ToState", transition.To.ToString())
                .Set("TriggerName", transition.Trigger.ToString()).Set("Outcome", outcome).Set("Reason", transition.Cause.Reason).ExecuteAsync(ct);
            written.Add(step);
        }

        return written;
    }

    /// <summary>One entry per batch: how many moved from which state to which (<see cref="ParticipantMoves"/>).</summary>
    private static AuditEntry Summary(CohortDay cohort, IReadOnlyList<BatchStep> steps) =>
        new("Cohort", cohort.CohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), "ParticipantsMoved",
            $"{cohort.CohortName} (#{steps[0].Participant.Id}–#{steps[^1].Participant.Id})", ParticipantMoves.Counted(steps.Select(s => s.Transition)));
}
