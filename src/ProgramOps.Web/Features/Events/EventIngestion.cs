using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Events;

/// <summary>The integration a batch came from, as its verified API key says.</summary>
public sealed record Integration(int ApiKeyId, string Name);

/// <summary>
/// Applies a batch of the base app's events in one transaction: each event is checked on its own (one bad event
/// does not reject the good ones), an event id seen before is a duplicate that changes nothing, and an accepted
/// event is stored and drives the participant's lifecycle through the same transitions staff use.
/// </summary>
public sealed class EventIngestion(Db db, ParticipantTransitions transitions, FeedbackRouting routing, AuditTrail audit, TimeProvider time)
{
    public const string Actor = "base-app";

    public async Task<EventBatchResponse> ApplyAsync(Integration integration, IReadOnlyList<IncomingEvent> events, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var results = await db.InTransactionAsync(async (c, t) =>
        {
            var ids = events.Select(e => e.Id).OfType<string>().Distinct().ToList();
            var seen = ids.Count == 0 ? [] : (await c.QueryAsync<string>(new CommandDefinition(EventsSql.SeenEventIds,
                new { integration.ApiKeyId, EventIds = ids }, t, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
            var list = new List<EventResult>(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                var (parsed, reason) = EventReader.Read(events[i], now);
                if (parsed is null) list.Add(new EventResult(i, events[i].Id, EventStatus.Rejected, reason));
                else if (!seen.Add(parsed.Id)) list.Add(new EventResult(i, parsed.Id, EventStatus.Duplicate));
                else list.Add(await ApplyAsync(c, t, integration, i, parsed, now, ct));
            }

            await c.ExecuteAsync(new CommandDefinition(EventsSql.TouchApiKey, new { Id = integration.ApiKeyId, Now = now }, t, cancellationToken: ct));
            return list;
        }, ct);

        return new EventBatchResponse(
            results.Count(r => r.Status == EventStatus.Accepted), results.Count(r => r.Status == EventStatus.Duplicate),
            results.Count(r => r.Status == EventStatus.Rejected), results);
    }

    private async Task<EventResult> ApplyAsync(
        DbConnection c, DbTransaction t, Integration integration, int index, ParsedEvent e, DateTimeOffset now, CancellationToken ct)
    {
        var participant = await ParticipantRecord.FindByCodeAsync(c, t, e.InvitationCode, ct);
        if (participant is null) return Rejected("no participant has this invitation code");
        if (participant.State == ParticipantState.Withdrawn) return Rejected("the participant withdrew consent: no data is kept for them");
        if (participant.State == ParticipantState.Invited && e.Data is not AppLinked) return Rejected("the participant has not linked the app yet (send app_linked first)");

        var refusal = await DriveLifecycleAsync(c, t, participant, e, ct);
        if (refusal is not null) return Rejected(refusal);

        if (e.Data is AppFeedback feedback) await ReportFeedbackAsync(c, t, participant, feedback, e, now, ct);
        if (e.Data is QuitDateSet quit)
            await ParticipantAppData.SetQuitDateAsync(c, t, participant.Id, quit.QuitDate, ct);
        if (e.Data is CheckIn)
            await ParticipantAppData.RecordCheckInAsync(c, t, db.Dialect, participant.Id, participant.ProgramStart, participant.Program.DateAt(e.OccurredAt), ct);
        if (e.Data is FinalAssessment answers)
            await ParticipantAppData.RecordFinalAnswersAsync(c, t, participant.Id, answers.CoPpm, answers.WeightChangeKg, answers.WaistChangeCm, ct);
        if (e.Data is Satisfaction satisfaction) await ParticipantAppData.RecordSatisfactionAsync(c, t, participant.Id, satisfaction.Score, ct);

        await c.ExecuteAsync(new CommandDefinition(EventsSql.InsertEvent, new
        {
            integration.ApiKeyId, EventId = e.Id, EventType = e.Type, ParticipantId = participant.Id, e.OccurredAt, ReceivedAt = now, e.Payload,
        }, t, cancellationToken: ct));
        return new EventResult(index, e.Id, EventStatus.Accepted);

        EventResult Rejected(string reason) => new(index, e.Id, EventStatus.Rejected, reason);
    }

    /// <returns>Why the event cannot be taken, or null when it moved the participant on (or needed no move).</returns>
    private async Task<string?> DriveLifecycleAsync(DbConnection c, DbTransaction t, ParticipantRecord participant, ParsedEvent e, CancellationToken ct)
    {
        Func<ParticipantLifecycle, TransitionCause, ParticipantTransition>? fire;
        if (e.Data is FinalAssessment answer)
        {
            var (outcome, missing) = SuccessEvaluation.Decide(participant.Program.Success, answer);
            if (missing is not null) return $"this program's success criterion needs {missing} in the final assessment";
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

        if (fire is null) return null;
        var reason = e.Data is QuitDateSet quit ? $"quit day {quit.QuitDate:yyyy-MM-dd}" : null;
        var result = await transitions.FireAsync(c, t, participant, participant.Version, fire, actorUserId: null, Actor, reason, eventId: e.Id, ct);
        return result switch
        {
            Transitioned => null,
            TransitionRefused refused => refused.Reason.Message,
            TransitionConflict => "the participant changed while this event was applied; send it again",
            _ => "no participant has this invitation code",
        };
    }

    /// <summary>
    /// A participant's words from the app become a feedback item, routed like any other. It names the cohort,
    /// program and client, never the participant: feedback queues are read by people outside the program.
    /// </summary>
    private async Task ReportFeedbackAsync(DbConnection c, DbTransaction t, ParticipantRecord participant, AppFeedback feedback, ParsedEvent e, DateTimeOffset now, CancellationToken ct)
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
        var itemId = await FeedbackIntake.InsertAsync(c, t, db.Dialect, input, outcome, new FeedbackActor(null, Actor, now));
        await audit.RecordAsync(c, t, new AuditEntry("FeedbackItem", itemId.ToString(), "Reported",
            $"{input.Title} → {outcome.Rules.Destination} ({outcome.Rules.Confidence:P0}), from the app (event {e.Id})"), null, Actor);
    }

    /// <summary>Where in the funnel the participant was when they wrote.</summary>
    private static FunnelStage StageOf(ParticipantRecord participant, DateTimeOffset at)
    {
        var day = participant.Facts(at).Today.DayNumber - participant.ProgramStart.DayNumber;
        return participant.State switch
        {
            ParticipantState.Invited => FunnelStage.Invitation,
            ParticipantState.Enrolled => FunnelStage.Enrolment,
            ParticipantState.Onboarding => FunnelStage.Onboarding,
            ParticipantState.Completed => FunnelStage.FinalAssessment,
            _ when day < 7 => FunnelStage.Week1,
            _ when day < 28 => FunnelStage.Weeks2To4,
            _ => FunnelStage.Weeks5To12,
        };
    }
}
