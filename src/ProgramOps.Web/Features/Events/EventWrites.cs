using System.Text.Json;
using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Text;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Events;

/// <summary>
/// Everything an accepted event writes, in its batch's transaction — the one place an event's effects are written: the
/// participant's lifecycle step, the app data it carries (check-in day and week, quit day, final answers, satisfaction,
/// feedback) and, once the batch is through, the event rows. Each statement is prepared once per batch. The batch's
/// lifecycle steps are audited together, in one row on the integration (<see cref="AuditStepsAsync"/>): each is in the
/// participant's history, the transition log, with its event id.
/// </summary>
public sealed class EventWrites(
    DbConnection c, DbTransaction t, SqlDialect dialect, ParticipantTransitions transitions, FeedbackRouting routing, AuditTrail audit,
    Integration integration, DateTimeOffset now) : IDisposable
{
    private readonly TransitionWriter _transitions = transitions.PrepareForAppEvents(c, t);
    private readonly List<(ParticipantTransition Step, string EventId)> _steps = [];
    private readonly ParticipantAppData.Writer _appData = ParticipantAppData.Prepare(c, t, dialect);
    private readonly List<object[]> _accepted = [];

    /// <returns>Why the event cannot be taken (nothing was written), or null when it was; and whether the participant's row
    /// may have changed.</returns>
    public async Task<(string? Refusal, bool ParticipantChanged)> AcceptAsync(LifecycleParticipant participant, ParsedEvent e, CancellationToken ct)
    {
        var (refusal, moved) = await DriveLifecycleAsync(participant, e, ct);
        if (refusal is not null) return (refusal, false);

        if (e.Data is AppFeedback feedback) await ReportFeedbackAsync(participant, feedback, e, ct);
        if (e.Data is QuitDateSet quit) await _appData.SetQuitDateAsync(participant.Id, quit.QuitDate, ct);
        if (e.Data is CheckIn) await _appData.RecordCheckInAsync(participant.Id, participant.ProgramStart, participant.Program.DateAt(e.OccurredAt), ct);
        if (e.Data is FinalAssessment answers)
            await _appData.RecordFinalAnswersAsync(participant.Id, answers.CoPpm, answers.WeightChangeKg, answers.WaistChangeCm, ct);
        if (e.Data is Satisfaction satisfaction) await _appData.RecordSatisfactionAsync(participant.Id, satisfaction.Score, ct);
        _accepted.Add([e.Id, e.Type, participant.Id, DbTypeHandlers.TimestampText(e.OccurredAt), e.Payload]);
        return (null, moved || e.Data is QuitDateSet or CheckIn);
    }

    /// <summary>
    /// Stores the batch's accepted events, in one statement. Stored one by one, each was a statement of seven values bound
    /// in the writer's turn: 15–20 µs an event, the largest part of the turn.
    /// </summary>
    public async Task StoreAcceptedAsync(CancellationToken ct)
    {
        if (_accepted.Count == 0) return;
        await c.ExecuteAsync(new CommandDefinition(EventsSql.StoreEvents(dialect),
            new { integration.ApiKeyId, ReceivedAt = now, Events = JsonSerializer.Serialize(_accepted) }, t, cancellationToken: ct));
    }

    /// <returns>Why the event cannot be taken, or null when it moved the participant on (or needed no move); and whether it moved them.</returns>
    private async Task<(string? Refusal, bool Moved)> DriveLifecycleAsync(LifecycleParticipant participant, ParsedEvent e, CancellationToken ct)
    {
        Func<ParticipantLifecycle, TransitionCause, ParticipantTransition>? fire;
        if (e.Data is FinalAssessment answer)
        {
            var (outcome, missing) = SuccessEvaluation.Decide(participant.Program.Success, answer);
            if (missing is not null) return ($"this program's success criterion needs {missing} in the final assessment", false);
            fire = (l, cause) => l.Complete(cause, outcome!.Value);
        }
        else
        {
            fire = (e.Data, participant.State) switch
            {
                (AppLinked, _) when participant.State.IsEnrolled() => null,
                (AppLinked, _) => (l, cause) => l.Fire(ParticipantTrigger.Enrol, cause),
                // A check-in brings an at-risk participant back, and starts an onboarded one once the program runs.
                (CheckIn, ParticipantState.AtRisk) => (l, cause) => l.Fire(ParticipantTrigger.CheckIn, cause),
                (CheckIn, ParticipantState.Onboarding) when participant.Facts(e.OccurredAt).ProgramStarted => (l, cause) => l.Fire(ParticipantTrigger.CheckIn, cause),
                // Logged in the history, and refused while the program waits for the first kit.
                (QuitDateSet, _) => (l, cause) => l.Fire(ParticipantTrigger.SetQuitDay, cause),
                _ => null,
            };
        }

        if (fire is null) return (null, false);
        var reason = e.Data is QuitDateSet quit ? TransitionReasons.QuitDayOn(quit.QuitDate) : null;
        var result = await _transitions.FireAsync(participant, participant.Version, fire, actorUserId: null, EventIngestion.Actor, reason, eventId: e.Id, ct);
        if (result is Transitioned { Transition: var step }) _steps.Add((step, e.Id));
        return result switch
        {
            Transitioned => (null, true),
            TransitionRefused { Reason.UnmetGuards: var unmet } when unmet.Contains(LifecycleGuard.InvitationNotExpired) =>
                ($"the invitation expired on {participant.Facts(e.OccurredAt).InvitationExpiresOn:yyyy-MM-dd}: the app can no longer be linked with this code", false),
            TransitionRefused refused => (refused.Reason.Message, false),
            TransitionConflict => ("the participant changed while this event was applied; send it again", false),
            _ => ("no participant has this invitation code", false),
        };
    }

    /// <summary>The batch's lifecycle steps in one audit row: how many moved from which state to which, by which events.</summary>
    public async Task AuditStepsAsync(CancellationToken ct)
    {
        if (_steps.Count == 0) return;
        await audit.RecordAsync(c, t, new AuditEntry("ApiKey", integration.ApiKeyId.ToString(System.Globalization.CultureInfo.InvariantCulture), "ParticipantsMoved",
            CodedText.Encode(AuditSummaries.ParticipantsMovedByApp, integration.Name, _steps.Count, _steps[0].EventId, _steps[^1].EventId),
            ParticipantMoves.Counted(_steps.Select(s => s.Step))), null, EventIngestion.Actor);
    }

    /// <summary>
    /// A participant's words from the app become a feedback item, routed like any other. It names the cohort,
    /// program and client, never the participant: feedback queues are read by people outside the program.
    /// </summary>
    private async Task ReportFeedbackAsync(LifecycleParticipant participant, AppFeedback feedback, ParsedEvent e, CancellationToken ct)
    {
        var text = feedback.Text!.Trim();
        var input = new FeedbackInput
        {
            Title = text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 59), "…"),
            Description = text,
            Source = FeedbackSource.ParticipantApp,
            ProgramId = participant.ProgramId,
            ClientId = participant.ClientId,
            CohortId = participant.CohortId,
            Stage = feedback.Stage ?? StageOf(participant, e.OccurredAt),
            Category = feedback.Category ?? FeedbackCategory.Other,
        }.Normalized();
        var outcome = (await routing.CurrentAsync(ct)).Route(input.ToFacts(participant.Program.Code));
        var itemId = await FeedbackIntake.InsertAsync(c, t, dialect, input, outcome, new FeedbackActor(null, EventIngestion.Actor, now));
        await audit.RecordAsync(c, t, new AuditEntry("FeedbackItem", itemId.ToString(), "Reported",
            CodedText.Encode(AuditSummaries.FeedbackReportedFromApp, input.Title, outcome.Rules.Destination, AuditSummaries.Percent(outcome.Rules.Confidence), e.Id)),
            null, EventIngestion.Actor);
    }

    /// <summary>Where in the funnel the participant was when they wrote: the stage of their state and program week then.</summary>
    private static FunnelStage StageOf(LifecycleParticipant participant, DateTimeOffset at) =>
        FunnelClassifier.Place(participant.State, null, 0, ProgramWeek.Of(participant.ProgramStart, participant.Facts(at).Today) ?? 0).Furthest;

    public void Dispose()
    {
        _transitions.Dispose();
        _appData.Dispose();
    }
}
