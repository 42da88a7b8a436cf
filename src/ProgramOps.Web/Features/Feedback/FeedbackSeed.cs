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
    private sealed record SeedExample
    {
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public FeedbackSource Source { get; init; }
        public FeedbackCategory Category { get; init; }
        public FunnelStage Stage { get; init; }
        public string? Program { get; init; }
        public ScopeAnswer HelpsEveryUser { get; init; }
        public ScopeAnswer ProgramSpecific { get; init; }
        public ScopeAnswer ClientAsked { get; init; }
        public Destination Destination { get; init; }
    }

    private static readonly Lazy<IReadOnlyList<TrainingExample>> LoadedExamples = new(() =>
        Read<List<SeedExample>>("SeedExamples.json").Select(e => new TrainingExample(new FeedbackFacts
        {
            Title = e.Title, Description = e.Description, Source = e.Source, Category = e.Category, Stage = e.Stage, Program = e.Program,
            HelpsEveryUser = e.HelpsEveryUser, ProgramSpecific = e.ProgramSpecific, ClientAsked = e.ClientAsked,
        }, e.Destination)).ToList());

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
