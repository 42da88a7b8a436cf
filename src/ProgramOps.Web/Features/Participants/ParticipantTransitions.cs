using ProgramOps.Web.Features.Events;

namespace ProgramOps.Web.Features.Participants;

/// <summary>The outcome of asking for a transition: done, refused by the lifecycle, or beaten by someone else's change.</summary>
public abstract record TransitionResult;

public sealed record Transitioned(ParticipantTransition Transition) : TransitionResult;

public sealed record TransitionRefused(TransitionRefusedException Reason) : TransitionResult;

public sealed record TransitionConflict : TransitionResult;

public sealed record ParticipantMissing : TransitionResult;

/// <summary>
/// Moves one participant through the lifecycle inside the caller's transaction: the machine is rebuilt from the
/// stored state, the new state is written only if nobody changed the participant since <c>expectedVersion</c>,
/// and the transition-log row and the audit entry are written with it — or nothing is.
/// </summary>
public sealed class ParticipantTransitions(AuditTrail audit, TimeProvider time)
{
    public async Task<TransitionResult> FireAsync(
        DbConnection connection, DbTransaction transaction, long participantId, int expectedVersion,
        Func<ParticipantLifecycle, TransitionCause, ParticipantTransition> fire, int? actorUserId, string actor, string? reason, string? eventId,
        CancellationToken ct)
    {
        var participant = await ParticipantRecord.FindAsync(connection, transaction, participantId, ct);
        if (participant is null) return new ParticipantMissing();
        return await FireAsync(connection, transaction, participant, expectedVersion, fire, actorUserId, actor, reason, eventId, ct);
    }

    /// <summary>The same, for a caller that has just read the participant in this transaction.</summary>
    public async Task<TransitionResult> FireAsync(
        DbConnection connection, DbTransaction transaction, ParticipantRecord participant, int expectedVersion,
        Func<ParticipantLifecycle, TransitionCause, ParticipantTransition> fire, int? actorUserId, string actor, string? reason, string? eventId,
        CancellationToken ct)
    {
        var participantId = participant.Id;
        if (participant.Version != expectedVersion) return new TransitionConflict();

        var now = time.GetUtcNow();
        var lifecycle = new ParticipantLifecycle(participant.State, participant.Facts(now));
        ParticipantTransition transition;
        try
        {
            transition = fire(lifecycle, new TransitionCause(actor, now, reason, eventId));
        }
        catch (TransitionRefusedException refused)
        {
            return new TransitionRefused(refused);
        }

        var written = await connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.SetState, new
        {
            Id = participantId, Version = expectedVersion, State = transition.To.ToString(), Outcome = transition.Outcome?.ToString(), Now = now, Actor = actor,
        }, transaction, cancellationToken: ct));
        if (written == 0) return new TransitionConflict();

        await connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.InsertTransition, new
        {
            ParticipantId = participantId, FromState = transition.From.ToString(), ToState = transition.To.ToString(),
            TriggerName = transition.Trigger.ToString(), Outcome = transition.Outcome?.ToString(), Actor = actor, OccurredAt = now, Reason = reason, EventId = eventId,
        }, transaction, cancellationToken: ct));
        if (transition.To == ParticipantState.Withdrawn)
        {
            await connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.Anonymise, new { Id = participantId, Now = now }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.EraseTransitionReasons, new { Id = participantId }, transaction, cancellationToken: ct));
            await AppEventErasure.EraseAsync(connection, transaction, participantId, ct);
        }

        // The audit row names the participant by id only: it must not keep what withdrawal erases.
        await audit.RecordAsync(connection, transaction, new AuditEntry("Participant", participantId.ToString(), transition.Trigger.ToString(),
            null, new Dictionary<string, FieldChange> { ["State"] = new(transition.From.ToString(), transition.To.ToString()) }),
            actorUserId, actor);
        return new Transitioned(transition);
    }
}
