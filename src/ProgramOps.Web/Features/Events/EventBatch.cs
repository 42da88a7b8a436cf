using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProgramOps.Web.Features.Events;

/// <summary>What the base app posts: up to <see cref="MaxEvents"/> events about participants.</summary>
public sealed record EventBatch
{
    public const int MaxEvents = 1000;

    public IReadOnlyList<IncomingEvent>? Events { get; init; }
}

/// <param name="Id">The app's id for the event, unique per integration: sending it again changes nothing.</param>
/// <param name="Type">app_linked, check_in, quit_date_set, relapse_reported, final_assessment, measurement, satisfaction.</param>
/// <param name="Participant">The participant's invitation code (with or without hyphens).</param>
/// <param name="Data">The type's fields, e.g. check_in: smoked, cravings (0–10), note.</param>
public sealed record IncomingEvent(string? Id, string? Type, string? Participant, DateTimeOffset? OccurredAt, JsonElement? Data);

[JsonConverter(typeof(JsonStringEnumConverter<EventStatus>))]
public enum EventStatus
{
    [JsonStringEnumMemberName("accepted")] Accepted,
    [JsonStringEnumMemberName("duplicate")] Duplicate,
    [JsonStringEnumMemberName("rejected")] Rejected,
}

/// <param name="Index">The event's position in the batch, for events that came without a usable id.</param>
public sealed record EventResult(int Index, string? Id, EventStatus Status, string? Reason = null);

public sealed record EventBatchResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventResult> Results);
