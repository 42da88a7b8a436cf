using System.Text.Json;
using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>The mapping step's choices as stored with the import: column index → field, or null to ignore it.</summary>
public static class StoredColumnMapping
{
    public static string ToJson(IReadOnlyDictionary<int, RosterField?> choices) => JsonSerializer.Serialize(choices, ImportJson.Options);

    public static RosterColumnMapping FromJson(string? json)
    {
        var mapping = new RosterColumnMapping();
        if (json is null) return mapping;
        foreach (var (index, field) in JsonSerializer.Deserialize<Dictionary<int, RosterField?>>(json, ImportJson.Options)!)
        {
            if (field is { } chosen) mapping.Map(index, chosen);
            else mapping.Ignore(index);
        }

        return mapping;
    }
}
