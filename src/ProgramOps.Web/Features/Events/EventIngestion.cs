using System.Text.Json;
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
/// A batch is applied as if its events came one by one. What it needs to read is read before its turn at the writer
/// (SQLite has one at a time, so work done while holding it is what limits the rate): the event ids sent before, and
/// the participants the events name. In its turn, the participants who changed since (and codes nobody had) are read
/// again, at once, and so are the ids a batch stored since: those events are duplicates before anything else, as they
/// would be had this batch seen them stored. A participant an event changed is read again before their next event in
/// the batch, and the accepted events are stored together at the end.
/// </remarks>
public sealed class EventIngestion(Db db, ParticipantTransitions transitions, FeedbackRouting routing, AuditTrail audit, TimeProvider time)
{
    public const string Actor = "base-app";

    public async Task<EventBatchResponse> ApplyAsync(Integration integration, IReadOnlyList<IncomingEvent> events, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var read = events.Select(e => EventReader.Read(e, now)).ToList();
        var (seen, participants) = await ReadAheadAsync(integration, read, ct);
        var results = await db.InTransactionAsync(async (c, t) =>
        {
            await RefreshAsync(c, t, participants, ct);
            // An id a batch stored since this one looked is a duplicate before anything else.
            seen.UnionWith(await SeenAsync(c, t, integration, read.Select(r => r.Event?.Id).Where(id => id is not null && !seen.Contains(id)), ct));
            using var writes = new EventWrites(c, t, db.Dialect, transitions, routing, audit, integration, now);

            var list = new List<EventResult>(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                var (parsed, reason) = read[i];
                if (parsed is null) list.Add(new EventResult(i, events[i].Id, EventStatus.Rejected, reason));
                else if (seen.Contains(parsed.Id)) list.Add(new EventResult(i, parsed.Id, EventStatus.Duplicate));
                else
                {
                    var result = await ApplyAsync(c, t, db.Dialect, writes, participants, i, parsed, ct);
                    // Only a stored event makes its id a duplicate: a rejected one may come again, as it may in a later batch.
                    if (result.Status == EventStatus.Accepted) seen.Add(parsed.Id);
                    list.Add(result);
                }
            }

            await writes.StoreAcceptedAsync(ct);
            await writes.AuditStepsAsync(ct);
            await c.ExecuteAsync(new CommandDefinition(EventsSql.TouchApiKey, new { Id = integration.ApiKeyId, Now = now }, t, cancellationToken: ct));
            return list;
        }, ct);

        return new EventBatchResponse(
            results.Count(r => r.Status == EventStatus.Accepted), results.Count(r => r.Status == EventStatus.Duplicate),
            results.Count(r => r.Status == EventStatus.Rejected), results);
    }

    /// <summary>
    /// Reads again, at once, the participants read ahead who changed since, and the codes nobody had then (a person
    /// admitted meanwhile): in its turn the batch sees everyone as they are now.
    /// </summary>
    private async Task RefreshAsync(DbConnection c, DbTransaction t, Dictionary<string, LifecycleParticipant?> participants, CancellationToken ct)
    {
        var stale = await LifecycleParticipant.StaleAsync(c, t, db.Dialect, [.. participants.Values.OfType<LifecycleParticipant>()], ct);
        var again = stale.Select(r => r.InvitationCode).Concat(participants.Where(p => p.Value is null).Select(p => p.Key)).ToList();
        if (again.Count == 0) return;
        foreach (var (code, record) in await LifecycleParticipant.FindByCodesAsync(c, t, db.Dialect, again, ct)) participants[code] = record;
    }

    /// <summary>The batch's event ids this key sent before, and the participants its new events name (null for an unknown code).</summary>
    private async Task<(HashSet<string> Seen, Dictionary<string, LifecycleParticipant?> Participants)> ReadAheadAsync(
        Integration integration, List<(ParsedEvent? Event, string? Reason)> read, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var seen = (await SeenAsync(c, null, integration, read.Select(r => r.Event?.Id), ct)).ToHashSet(StringComparer.Ordinal);
        var codes = read.Select(r => r.Event).Where(e => e is not null && !seen.Contains(e.Id)).Select(e => e!.InvitationCode).Distinct().ToList();
        return (seen, await LifecycleParticipant.FindByCodesAsync(c, null, db.Dialect, codes, ct));
    }

    /// <summary>Which of these event ids this key has sent before.</summary>
    private async Task<IEnumerable<string>> SeenAsync(DbConnection c, DbTransaction? t, Integration integration, IEnumerable<string?> eventIds, CancellationToken ct)
    {
        var ids = eventIds.OfType<string>().Distinct().ToList();
        return ids.Count == 0 ? [] : await c.QueryAsync<string>(new CommandDefinition(EventsSql.SeenEventIds(db.Dialect),
            new { integration.ApiKeyId, EventIds = JsonSerializer.Serialize(ids) }, t, cancellationToken: ct));
    }

    private static async Task<EventResult> ApplyAsync(DbConnection c, DbTransaction t, SqlDialect dialect, EventWrites writes,
        Dictionary<string, LifecycleParticipant?> participants, int index, ParsedEvent e, CancellationToken ct)
    {
        if (!participants.TryGetValue(e.InvitationCode, out var participant))
            participants[e.InvitationCode] = participant = (await LifecycleParticipant.FindByCodesAsync(c, t, dialect, [e.InvitationCode], ct))[e.InvitationCode];
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
