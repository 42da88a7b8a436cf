using Microsoft.Extensions.Localization;

namespace ProgramOps.Web.Features.Programs;

/// <summary>
/// A definition's field paths ("milestones[2].nameEn") and values ("true", "abstinence") in the reader's language, for
/// the version comparison and the audit log: the editor's own labels, never the JSON names.
/// </summary>
public static class DefinitionPaths
{
    /// <summary>The resource of each JSON name; one the map lacks shows as it is (and DefinitionPathsTests fails).</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["code"] = "Field.Code",
        ["nameJa"] = "Field.NameJa",
        ["nameEn"] = "Field.NameEn",
        ["name"] = "Field.NameJa",
        ["durationWeeks"] = "Field.DurationWeeks",
        ["teamSize"] = "Field.TeamSize",
        ["target"] = "Path.Target",
        ["min"] = "Path.Min",
        ["max"] = "Path.Max",
        ["dailyCheckInExpected"] = "Field.DailyCheckIn",
        ["atRiskAfterDays"] = "Field.AtRiskAfterDays",
        ["dropOutAfterDays"] = "Field.DropOutAfterDays",
        ["milestones"] = "Field.Milestones",
        ["week"] = "Path.Week",
        ["success"] = "Field.Success",
        ["rule"] = "Field.SuccessRule",
        ["days"] = "Field.AbstinenceDays",
        ["coVerified"] = "Field.CoVerified",
        ["maxCoPpm"] = "Field.MaxCoPpm",
        ["weightLossKg"] = "Field.WeightLossKg",
        ["waistLossCm"] = "Field.WaistLossCm",
        ["steps"] = "Field.Steps",
        ["shipments"] = "Field.Shipments",
        ["item"] = "Field.ShipmentItem",
        ["itemEn"] = "Field.ShipmentItemEn",
        ["quitDayAfterFirstKit"] = "Field.QuitDayAfterFirstKit",
        ["lateJoinersUntilWeek"] = "Field.LateJoinersUntilWeek",
        ["timeZone"] = "Field.TimeZone",
    };

    public static string Label(IStringLocalizer<ProgramsText> text, string path) =>
        string.Join(" › ", path.Split('.').Select(segment => Segment(text, segment)));

    /// <summary>Booleans and the success rule's kind in words; numbers and typed text as they are.</summary>
    public static string? Value(IStringLocalizer<ProgramsText> text, string? value) => value switch
    {
        null => null,
        "true" or "false" => text[$"Value.{value}"],
        _ when Enum.TryParse<SuccessRuleKind>(value, ignoreCase: true, out var kind) && char.IsLower(value[0]) => text[$"SuccessRule.{kind}"],
        _ => value,
    };

    private static string Segment(IStringLocalizer<ProgramsText> text, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? segment : segment[..bracket];
        var word = Labels.TryGetValue(name, out var key) ? text[key].Value : name;
        return bracket < 0 ? word : $"{word} {int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture) + 1}";
    }
}
