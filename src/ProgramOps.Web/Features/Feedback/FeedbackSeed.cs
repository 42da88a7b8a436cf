using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProgramOps.Web.Features.Feedback;

/// <summary>How the router's structures are stored as JSON: camel case, enums by name.</summary>
public static class FeedbackJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"No {typeof(T).Name} in the stored JSON.");
}

/// <summary>
/// What the router ships with: the default rule set and the routed examples the learned model starts
/// from. Both are embedded JSON, the same files the unit tests measure, so the published accuracy is
/// that of what runs.
/// </summary>
public static class FeedbackSeed
{
    /// <summary>Each example is an item's facts with the destination a person chose, in one JSON object.</summary>
    private static readonly Lazy<IReadOnlyList<TrainingExample>> LoadedExamples = new(() =>
        Read<List<JsonElement>>("SeedExamples.json").Select(e => new TrainingExample(
            e.Deserialize<FeedbackFacts>(FeedbackJson.Options)!,
            e.GetProperty("destination").Deserialize<Destination>(FeedbackJson.Options))).ToList());

    private static readonly Lazy<IReadOnlyList<RoutingRule>> LoadedRules = new(() => Read<List<RoutingRule>>("DefaultRules.json"));

    public static IReadOnlyList<TrainingExample> Examples => LoadedExamples.Value;

    public static IReadOnlyList<RoutingRule> DefaultRules => LoadedRules.Value;

    private static T Read<T>(string name)
    {
        using var stream = typeof(FeedbackSeed).Assembly.GetManifestResourceStream($"feedback/{name}")
                           ?? throw new InvalidOperationException($"The embedded resource feedback/{name} is missing.");
        return JsonSerializer.Deserialize<T>(stream, FeedbackJson.Options) ?? throw new JsonException($"feedback/{name} is empty.");
    }
}
