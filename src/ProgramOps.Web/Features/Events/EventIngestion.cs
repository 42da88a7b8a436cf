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
/// <remarks>
/// A batch is applied as if its events came one by one: the participants it names are read at once, and a participant
/// an event changed is read again before their next event in the batch.
/// </remarks>
public sealed class EventIngestion(Db db, ParticipantTransitions transitions, FeedbackRouting routing, AuditTrail audit, TimeProvider time)
{
    public const string Actor = "base-app";

    public async Task<EventBatchResponse> ApplyAsync(Integration integration, IReadOnlyList<IncomingEvent> events, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Checking the events needs no database, so it is done before this batch's turn at the writer.
        var read = events.Select(e => EventReader.Read(e, now)).ToList();
        var results = await db.InTransactionAsync(async (c, t) =>
        {
            var ids = read.Select(r => r.Event?.Id).OfType<string>().Distinct().ToList();
            var seen = ids.Count == 0 ? [] : (await c.QueryAsync<string>(new CommandDefinition(EventsSql.SeenEventIds,
                new { integration.ApiKeyId, EventIds = ids }, t, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
            var codes = read.Select(r => r.Event).Where(e => e is not null && !seen.Contains(e.Id)).Select(e => e!.InvitationCode).Distinct().ToList();
            var participants = await ParticipantRecord.FindByCodesAsync(c, t, codes, ct);
            using var writes = new EventWrites(c, t, db.Dialect, transitions, routing, audit, integration, now);

            var list = new List<EventResult>(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                var (parsed, reason) = read[i];
                if (parsed is null) list.Add(new EventResult(i, events[i].Id, EventStatus.Rejected, reason));
                else if (seen.Contains(parsed.Id)) list.Add(new EventResult(i, parsed.Id, EventStatus.Duplicate));
                else
                {
                    var result = await ApplyAsync(c, t, writes, participants, i, parsed, ct);
                    // Only a stored event makes its id a duplicate: a rejected one may come again, as it may in a later batch.
                    if (result.Status == EventStatus.Accepted) seen.Add(parsed.Id);
                    list.Add(result);
                }
            }

            await c.ExecuteAsync(new CommandDefinition(EventsSql.TouchApiKey, new { Id = integration.ApiKeyId, Now = now }, t, cancellationToken: ct));
            return list;
        }, ct);

        return new EventBatchResponse(
            results.Count(r => r.Status == EventStatus.Accepted), results.Count(r => r.Status == EventStatus.Duplicate),
            results.Count(r => r.Status == EventStatus.Rejected), results);
    }

    private static async Task<EventResult> ApplyAsync(
        DbConnection c, DbTransaction t, EventWrites writes, Dictionary<string, ParticipantRecord?> participants, int index, ParsedEvent e, CancellationToken ct)
    {
        if (!participants.TryGetValue(e.InvitationCode, out var participant))
            participants[e.InvitationCode] = participant = await ParticipantRecord.FindByCodeAsync(c, t, e.InvitationCode, ct);
        if (participant is null) return Rejected("no participant has this invitation code");
        if (participant.State == ParticipantState.Withdrawn) return Rejected("the participant withdrew consent: no data is kept for them");
        if (participant.State == ParticipantState.Invited && e.Data is not AppLinked) return Rejected("the participant has not linked the app yet (send app_linked first)");

        var (refusal, changed) = await writes.AcceptAsync(participant, e, ct);
        // Their next event in the batch reads them as they are now.
        if (changed) participants.Remove(e.InvitationCode);
        return refusal is null ? new EventResult(index, e.Id, EventStatus.Accepted) : Rejected(refusal);

        EventResult Rejected(string reason) => new(index, e.Id, EventStatus.Rejected, reason);
    }
}
