using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace ProgramOps.Web.Infrastructure.Audit;

/// <summary>What changed between two versions of a record, field by field, for the audit log.</summary>
public sealed record FieldChange(string? Before, string? After);

public static class ChangeSet
{
    /// <summary>
    /// Compares the public properties of <paramref name="before"/> and <paramref name="after"/>
    /// (null <paramref name="before"/> = created). Only fields whose value differs are listed.
    /// </summary>
    public static IReadOnlyDictionary<string, FieldChange> Between<T>(T? before, T after) where T : class
    {
        var changes = new SortedDictionary<string, FieldChange>(StringComparer.Ordinal);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0) continue;
            var old = before is null ? null : Format(property.GetValue(before));
            var now = Format(property.GetValue(after));
            if (!string.Equals(old, now, StringComparison.Ordinal)) changes[property.Name] = new FieldChange(old, now);
        }

        return changes;
    }

    public static string ToJson(IReadOnlyDictionary<string, FieldChange> changes) => JsonSerializer.Serialize(changes);

    public static IReadOnlyDictionary<string, FieldChange> FromJson(string? json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<string, FieldChange>()
            : JsonSerializer.Deserialize<Dictionary<string, FieldChange>>(json) ?? new Dictionary<string, FieldChange>();

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items and not string => string.Join(", ", items.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };
}
