using System.Text.Json;
using System.Text.Json.Serialization;
using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Events;

/// <summary>An event that passed its checks: its type's data, read and in range.</summary>
public sealed record ParsedEvent(string Id, string Type, string InvitationCode, DateTimeOffset OccurredAt, EventData Data, string Payload);

public abstract record EventData;

public sealed record AppLinked : EventData;

/// <param name="Cravings">0 (none) to 10 (the strongest).</param>
public sealed record CheckIn(bool Smoked, int Cravings, string? Note) : EventData;

public sealed record QuitDateSet(DateOnly QuitDate) : EventData;

public sealed record RelapseReported(string? Note) : EventData;

/// <summary>The answers to the final assessment; which ones matter is the program's success criterion.</summary>
public sealed record FinalAssessment(int? AbstinentDays, decimal? CoPpm, decimal? WeightChangeKg, decimal? WaistChangeCm, int? AverageDailySteps) : EventData;

public sealed record Measurement(decimal? WeightKg, decimal? WaistCm, int? Steps) : EventData;

/// <param name="Score">0–10, as in a net promoter score question.</param>
public sealed record Satisfaction(int Score) : EventData;

/// <summary>What a participant wrote in the app's feedback form; it becomes a routed feedback item.</summary>
public sealed record AppFeedback(string? Text, FunnelStage? Stage, FeedbackCategory? Category) : EventData;

/// <summary>Checks one incoming event and reads its data; says in plain words what is wrong when it cannot. No I/O.</summary>
public static class EventReader
{
    private const int MaxNoteLength = 1000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static readonly IReadOnlyDictionary<string, Type> Types = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["app_linked"] = typeof(AppLinked),
        ["check_in"] = typeof(CheckIn),
        ["quit_date_set"] = typeof(QuitDateSet),
        ["relapse_reported"] = typeof(RelapseReported),
        ["final_assessment"] = typeof(FinalAssessment),
        ["measurement"] = typeof(Measurement),
        ["satisfaction"] = typeof(Satisfaction),
        ["app_feedback"] = typeof(AppFeedback),
    };

    /// <returns>The event, or the reason it is rejected.</returns>
    public static (ParsedEvent? Event, string? Reason) Read(IncomingEvent incoming, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(incoming.Id) || incoming.Id.Length > 100) return Reject("id is required (at most 100 characters)");
        if (incoming.Type is null || !Types.TryGetValue(incoming.Type, out var dataType))
            return Reject($"type must be one of {string.Join(", ", Types.Keys)}");
        var code = (incoming.Participant ?? "").Replace("-", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (code.Length != Participants.InvitationCode.Length) return Reject("participant must be the participant's invitation code");
        if (incoming.OccurredAt is not { } occurredAt) return Reject("occurredAt is required");
        if (occurredAt > now.AddMinutes(10)) return Reject("occurredAt is in the future");

        EventData? data;
        try
        {
            data = (EventData?)(incoming.Data is { ValueKind: JsonValueKind.Object } element
                ? element.Deserialize(dataType, Json)
                : dataType == typeof(AppLinked) ? new AppLinked() : null);
        }
        catch (JsonException e)
        {
            return Reject($"data is not valid for {incoming.Type}: {e.Message}");
        }

        if (data is null) return Reject($"data is required for {incoming.Type}");
        if (Problem(data) is { } problem) return Reject(problem);
        var payload = incoming.Data is { } raw ? raw.GetRawText() : "{}";
        return (new ParsedEvent(incoming.Id, incoming.Type, code, occurredAt, data, payload), null);
    }

    private static string? Problem(EventData data) => data switch
    {
        CheckIn c when c.Cravings is < 0 or > 10 => "cravings must be 0 to 10",
        CheckIn c when c.Note?.Length > MaxNoteLength => $"note may have at most {MaxNoteLength} characters",
        RelapseReported r when r.Note?.Length > MaxNoteLength => $"note may have at most {MaxNoteLength} characters",
        FinalAssessment f when f.AbstinentDays < 0 => "abstinentDays cannot be negative",
        FinalAssessment f when f.CoPpm < 0 => "coPpm cannot be negative",
        FinalAssessment f when f.AverageDailySteps < 0 => "averageDailySteps cannot be negative",
        Measurement m when m.WeightKg is null && m.WaistCm is null && m.Steps is null => "measurement needs weightKg, waistCm or steps",
        Measurement m when m.WeightKg is <= 0 or > 500 || m.WaistCm is <= 0 or > 300 || m.Steps is < 0 or > 200_000 => "a measurement is out of range",
        Satisfaction s when s.Score is < 0 or > 10 => "score must be 0 to 10",
        AppFeedback f when string.IsNullOrWhiteSpace(f.Text) || f.Text.Length > FeedbackInput.MaxDescription => $"text is required (at most {FeedbackInput.MaxDescription} characters)",
        _ => null,
    };

    private static (ParsedEvent?, string?) Reject(string reason) => (null, reason);
}
