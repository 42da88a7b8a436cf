using System.Data;
using ProgramOps.Web.Features.Events;
using ProgramOps.Web.Features.Interviews;

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
        DbConnection connection, DbTransaction transaction, LifecycleParticipant participant, int expectedVersion,
        Func<ParticipantLifecycle, TransitionCause, ParticipantTransition> fire, int? actorUserId, string actor, string? reason, string? eventId,
        CancellationToken ct)
    {
        using var writer = Prepare(connection, transaction);
        return await writer.FireAsync(participant, expectedVersion, fire, actorUserId, actor, reason, eventId, ct);
    }

    /// <summary>For a transaction that moves many participants one by one: the statements are prepared once.</summary>
    public TransitionWriter Prepare(DbConnection connection, DbTransaction transaction) => new(connection, transaction, audit.Prepare(connection, transaction), time);

    /// <summary>
    /// The same, for steps the app's events drive: each is in the transition log with its event id, time and actor, so
    /// the caller audits the batch's steps in one row (<see cref="ParticipantMoves"/>) instead of a row per step.
    /// </summary>
    public TransitionWriter PrepareForAppEvents(DbConnection connection, DbTransaction transaction) => new(connection, transaction, audit: null, time);
}

/// <summary>The writes of <see cref="ParticipantTransitions"/> in one transaction, each statement prepared once.</summary>
public sealed class TransitionWriter : IDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly AuditWriter? _audit;
    private readonly TimeProvider _time;
    private readonly PreparedCommand _setState;
    private readonly PreparedCommand _log;

    /// <param name="audit">Where each step is audited; null when the caller audits the steps together.</param>
    internal TransitionWriter(DbConnection connection, DbTransaction transaction, AuditWriter? audit, TimeProvider time)
    {
        (_connection, _transaction, _audit, _time) = (connection, transaction, audit, time);
        _setState = new PreparedCommand(connection, transaction, ParticipantsSql.SetState,
            ("State", DbType.String), ("Outcome", DbType.String), ("Now", DbType.DateTimeOffset), ("Actor", DbType.String), ("Id", DbType.Int64), ("Version", DbType.Int32));
        _log = new PreparedCommand(connection, transaction, ParticipantsSql.InsertTransition,
            ("ParticipantId", DbType.Int64), ("FromState", DbType.String), ("ToState", DbType.String), ("TriggerName", DbType.String),
            ("Outcome", DbType.String), ("Actor", DbType.String), ("OccurredAt", DbType.DateTimeOffset), ("Reason", DbType.String), ("EventId", DbType.String));
    }

    public async Task<TransitionResult> FireAsync(
        LifecycleParticipant participant, int expectedVersion, Func<ParticipantLifecycle, TransitionCause, ParticipantTransition> fire,
        int? actorUserId, string actor, string? reason, string? eventId, CancellationToken ct)
    {
        var participantId = participant.Id;
        if (participant.Version != expectedVersion) return new TransitionConflict();

        var now = _time.GetUtcNow();
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

        // Withdrawal erases personal data: a step of its own, audited as one.
        if (_audit is null && transition.To == ParticipantState.Withdrawn)
            throw new InvalidOperationException("A withdrawal is audited on its own: use ParticipantTransitions.Prepare.");

        var outcome = transition.Outcome?.ToString();
        var written = await _setState.Set("Id", participantId).Set("Version", expectedVersion).Set("State", transition.To.ToString()).Set("Outcome", outcome)
            .Set("Now", now).Set("Actor", actor).ExecuteAsync(ct);
        if (written == 0) return new TransitionConflict();

        await _log.Set("ParticipantId", participantId).Set("FromState", transition.From.ToString()).Set("ToState", transition.To.ToString())
            .Set("TriggerName", transition.Trigger.ToString()).Set("Outcome", outcome).Set("Actor", actor).Set("OccurredAt", now).Set("Reason", reason)
            .Set("EventId", eventId).ExecuteAsync(ct);
        if (transition.To == ParticipantState.Withdrawn)
        {
            await _connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.Anonymise, new { Id = participantId, Now = now }, _transaction, cancellationToken: ct));
            await _connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.EraseTransitionReasons, new { Id = participantId }, _transaction, cancellationToken: ct));
            await AppEventErasure.EraseAsync(_connection, _transaction, participantId, ct);
            await InterviewErasure.EraseAsync(_connection, _transaction, participantId, now, actor, ct);
        }

        if (_audit is null) return new Transitioned(transition);

        // The audit row names the participant by id only: it must not keep what withdrawal erases.
        await _audit.RecordAsync(new AuditEntry("Participant", participantId.ToString(), transition.Trigger.ToString(),
            null, new Dictionary<string, FieldChange> { ["State"] = new(transition.From.ToString(), transition.To.ToString()) }),
            actorUserId, actor, ct);
        return new Transitioned(transition);
    }

    public void Dispose()
    {
        _setState.Dispose();
        _log.Dispose();
        _audit?.Dispose();
    }
}
