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
/// order, a batch at a time, each batch in one short transaction. Every participant's step is still decided by their
/// own state machine, written only if their version is unchanged (someone else's change wins; the next run looks
/// again), and logged in the transition log — the participant's history. The audit log gets one entry per batch
/// on the cohort, as team formation does, rather than one per participant.
/// </summary>
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
            var (read, written, lastId) = await db.InTransactionAsync(async (c, t) =>
            {
                var parameters = new DynamicParameters(filter);
                parameters.AddDynamicParams(new { cohort.CohortId, AfterId = afterId, Skip = 0, Take = Size });
                var batch = (await c.QueryAsync<ParticipantSnapshot>(new CommandDefinition(candidates, parameters, t, cancellationToken: ct))).AsList();
                if (batch.Count == 0) return (0, BatchWrite.None, afterId);

                var result = await WriteAsync(c, t, cohort, batch, plan, actor, ct);
                if (result.Steps.Count > 0)
                {
                    if (afterBatch is not null) await afterBatch(c, t, result.Steps);
                    await audit.RecordAsync(c, t, Summary(cohort, result.Steps), null, actor);
                }

                return (batch.Count, result, batch[^1].Id);
            }, ct);

            run = run.Plus(new BatchRun(written.Steps.Count, written.Refused, written.Conflicts));
            afterId = lastId;
            if (read < Size) return run;
        }
    }

    private async Task<BatchWrite> WriteAsync(
        DbConnection c, DbTransaction t, CohortDay cohort, List<ParticipantSnapshot> batch, Func<ParticipantSnapshot, PlannedTransition?> plan, string actor,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        using var setState = new PreparedCommand(c, t, ParticipantsSql.SetState,
            ("State", DbType.String), ("Outcome", DbType.String), ("Now", DbType.DateTimeOffset), ("Actor", DbType.String), ("Id", DbType.Int64), ("Version", DbType.Int32));
        using var log = new PreparedCommand(c, t, ParticipantsSql.InsertTransition,
            ("ParticipantId", DbType.Int64), ("FromState", DbType.String), ("ToState", DbType.String), ("TriggerName", DbType.String),
            ("Outcome", DbType.String), ("Actor", DbType.String), ("OccurredAt", DbType.DateTimeOffset), ("Reason", DbType.String), ("EventId", DbType.String));
        setState.Set("Now", now).Set("Actor", actor);
        log.Set("Actor", actor).Set("OccurredAt", now).Set("EventId", null);

        var steps = new List<BatchStep>();
        int refused = 0, conflicts = 0;
        foreach (var participant in batch)
        {
            if (plan(participant) is not { } planned) continue;
            var lifecycle = new ParticipantLifecycle(participant.State,
                new ParticipantFacts(cohort.Program, cohort.StartDate, cohort.Today, participant.LastCheckInOn, HasTeam: participant.TeamId is not null));
            ParticipantTransition transition;
            try
            {
                transition = planned.Fire(lifecycle, new TransitionCause(actor, now, planned.Reason));
            }
            catch (TransitionRefusedException)
            {
                // The participant's own machine says no (a guard not met): they stay as they are, and the run counts them.
                refused++;
                continue;
            }

            if (transition.To == ParticipantState.Withdrawn)
                throw new InvalidOperationException("Withdrawal erases personal data and is fired one participant at a time (ParticipantTransitions).");

            var outcome = transition.Outcome?.ToString();
            if (await setState.Set("State", transition.To.ToString()).Set("Outcome", outcome).Set("Id", participant.Id).Set("Version", participant.Version).ExecuteAsync(ct) == 0)
            {
                // Someone changed the participant since the batch was read: their change wins, the next run looks again.
                conflicts++;
                continue;
            }

            await log.Set("ParticipantId", participant.Id).Set("FromState", transition.From.ToString()).Set("ToState", transition.To.ToString())
                .Set("TriggerName", transition.Trigger.ToString()).Set("Outcome", outcome).Set("Reason", planned.Reason).ExecuteAsync(ct);
            steps.Add(new BatchStep(participant, transition));
        }

        return new BatchWrite(steps, refused, conflicts);
    }

    private sealed record BatchWrite(IReadOnlyList<BatchStep> Steps, int Refused, int Conflicts)
    {
        public static readonly BatchWrite None = new([], 0, 0);
    }

    /// <summary>One entry per batch: how many moved from which state to which (<see cref="ParticipantMoves"/>).</summary>
    private static AuditEntry Summary(CohortDay cohort, IReadOnlyList<BatchStep> steps) =>
        new("Cohort", cohort.CohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), "ParticipantsMoved",
            $"{cohort.CohortName} (#{steps[0].Participant.Id}–#{steps[^1].Participant.Id})", ParticipantMoves.Counted(steps.Select(s => s.Transition)));
}
