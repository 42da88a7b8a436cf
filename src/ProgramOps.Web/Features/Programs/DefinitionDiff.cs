using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProgramOps.Web.Features.Programs;

/// <summary>One line of "what changed" between two versions of a program.</summary>
public sealed record DefinitionChange(string Path, string? Before, string? After);

/// <summary>Compares two definitions field by field (lists item by item) for the side-by-side version view.</summary>
public static class DefinitionDiff
{
    public static IReadOnlyList<DefinitionChange> Between(ProgramDefinition before, ProgramDefinition after)
    {
        var old = Flatten(before);
        var now = Flatten(after);
        return old.Keys.Union(now.Keys)
            .Order(StringComparer.Ordinal)
            .Select(path => new DefinitionChange(path, old.GetValueOrDefault(path), now.GetValueOrDefault(path)))
            .Where(change => change.Before != change.After)
            .ToList();
    }

    /// <summary>The same changes in the audit log's shape.</summary>
    public static IReadOnlyDictionary<string, FieldChange> AsFieldChanges(ProgramDefinition before, ProgramDefinition after) =>
        Between(before, after).ToDictionary(c => c.Path, c => new FieldChange(c.Before, c.After));

    private static Dictionary<string, string> Flatten(ProgramDefinition definition)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(JsonSerializer.SerializeToNode(definition, ProgramDefinitionJson.Options), "", values);
        return values;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj) Walk(child, path.Length == 0 ? name : $"{path}.{name}", values);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}[{i}]", values);
                break;
            case JsonValue value:
                values[path] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                break;
            case null:
                values[path] = "null";
                break;
        }
    }
}

/// <summary>How definitions are stored: readable JSON with camelCase names and the success rule's kind.</summary>
public static class ProgramDefinitionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ProgramDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static ProgramDefinition Deserialize(string json)
    {
        var definition = JsonSerializer.Deserialize<ProgramDefinition>(json, Options)
            ?? throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"Not a program definition: {json[..Math.Min(40, json.Length)]}"));
        return definition with { TeamSize = definition.TeamSize.WithinPeerTeamLimit() };
    }
}
