using System.Text.Json.Serialization;
using ProgramOps.Web.Features.Teams;

namespace ProgramOps.Web.Features.Programs;

/// <summary>
/// Everything that makes one health-behaviour program what it is. Admins launch new programs by
/// editing this data, not the console's code; a published version never changes again.
/// </summary>
public sealed record ProgramDefinition
{
    public string Code { get; init; } = "";
    public string NameJa { get; init; } = "";
    public string NameEn { get; init; } = "";
    public int DurationWeeks { get; init; } = 12;
    public TeamSizeRule TeamSize { get; init; } = TeamSizeRule.SmokingProgram;
    public bool DailyCheckInExpected { get; init; } = true;

    /// <summary>Days without a check-in before a participant is at risk, and before they count as dropped out.</summary>
    public int AtRiskAfterDays { get; init; } = 3;
    public int DropOutAfterDays { get; init; } = 14;

    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
    public SuccessCriterion Success { get; init; } = new SelfReportedAbstinence(7, CoVerified: false, MaxCoPpm: null);
    public IReadOnlyList<Shipment> Shipments { get; init; } = [];

    /// <summary>
    /// A participant may set their quit day only once the first kit (the week-0 shipment) has been delivered, so the
    /// nicotine replacement is at hand on the day.
    /// </summary>
    public bool QuitDayAfterFirstKit { get; init; }

    /// <summary>
    /// Late joiners (名簿 imported after the enrolment window closed) are taken until the end of this program week
    /// (1 = the end of week 1, the start day's week); null: none are. Definitions stored before the rule read as null.
    /// </summary>
    public int? LateJoinersUntilWeek { get; init; }
    public string TimeZone { get; init; } = "Asia/Tokyo";

    /// <summary>The first day after the program of a cohort that starts on <paramref name="start"/>: its last day is the day before.</summary>
    public DateOnly EndsOn(DateOnly start) => start.AddDays(DurationWeeks * 7);

    /// <summary>The last day a late joiner is taken into a cohort that starts on <paramref name="start"/>, or null if none are.</summary>
    public DateOnly? LastLateJoinDay(DateOnly start) => LateJoinersUntilWeek is { } week ? start.AddDays((week * 7) - 1) : null;

    /// <summary>The program day an instant falls on: program days, weeks and deadlines are counted in its time zone.</summary>
    public DateOnly DateAt(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);

    /// <summary>The name in the reader's language (Japanese, else English).</summary>
    public string NameIn(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "ja" ? NameJa : NameEn;
}

// Three different weeks, named apart: a program week (ProgramWeek: days 0–6 of the program are week 1), a milestone's
// weeks after the start (0 = the start day itself) and a supply week (0 = at enrolment, W = W weeks after the start).
// Stored definitions call the last two "week", so the JSON keeps that name.

/// <summary>
/// A named point in the program, reached <paramref name="WeeksAfterStart"/> weeks after the start day (0 = the start day).
/// <paramref name="Name"/> is the Japanese name (stored definitions have only that one).
/// </summary>
public sealed record Milestone([property: JsonPropertyName("week")] int WeeksAfterStart, string Name)
{
    /// <summary>The English name; definitions stored before it was asked for have none.</summary>
    public string? NameEn { get; init; }

    public DateOnly ReachedOn(DateOnly start) => start.AddDays(WeeksAfterStart * 7);

    /// <summary>The name in the reader's language, or null where an English reader would be shown Japanese only.</summary>
    public string? NameIn(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "ja" ? Name : NameEn;
}

/// <summary>
/// A supply sent to every participant in its <paramref name="SupplyWeek"/>: 0 = at enrolment, W = W weeks after the start day.
/// <paramref name="Item"/> is the Japanese name, the one the fulfilment partner picks by (stored definitions have only that one).
/// </summary>
public sealed record Shipment([property: JsonPropertyName("week")] int SupplyWeek, string Item)
{
    /// <summary>The English name; definitions stored before it was asked for have none.</summary>
    public string? ItemEn { get; init; }

    /// <summary>The name in the reader's language, or null where an English reader would be shown Japanese only.</summary>
    public string? ItemIn(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "ja" ? Item : ItemEn;
}

/// <summary>How the program decides, at the final assessment, whether a participant succeeded.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "rule")]
[JsonDerivedType(typeof(SelfReportedAbstinence), "abstinence")]
[JsonDerivedType(typeof(BodyMeasureChange), "bodyChange")]
[JsonDerivedType(typeof(AverageDailySteps), "averageSteps")]
public abstract record SuccessCriterion;

/// <summary>Not smoked for the last <paramref name="Days"/> days, optionally confirmed by a breath CO reading.</summary>
public sealed record SelfReportedAbstinence(int Days, bool CoVerified, int? MaxCoPpm) : SuccessCriterion;

/// <summary>Weight down by at least <paramref name="WeightLossKg"/> and waist by <paramref name="WaistLossCm"/> (特定保健指導 第4期: 2 kg and 2 cm).</summary>
public sealed record BodyMeasureChange(decimal WeightLossKg, decimal WaistLossCm) : SuccessCriterion;

public sealed record AverageDailySteps(int Steps) : SuccessCriterion;
