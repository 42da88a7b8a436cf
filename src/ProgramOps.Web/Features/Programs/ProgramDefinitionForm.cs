using ProgramOps.Web.Features.Teams;

namespace ProgramOps.Web.Features.Programs;

public enum SuccessRuleKind
{
    Abstinence,
    BodyChange,
    AverageSteps,
}

/// <summary>One editable row of a week-based list (milestones, shipments); blank rows are ignored.</summary>
public sealed class WeekRow
{
    public int? Week { get; set; }
    public string? Text { get; set; }

    /// <summary>The English name (of a milestone or a shipment).</summary>
    public string? TextEn { get; set; }

    public bool IsBlank => Week is null && string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(TextEn);
}

/// <summary>
/// A program definition as an HTML form sees it: flat fields, fixed-length lists with blank rows, and
/// the success rule split into its kind and the fields each kind uses.
/// </summary>
public sealed class ProgramDefinitionForm
{
    public const int ListRows = 8;

    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int DurationWeeks { get; set; }
    public int TeamTarget { get; set; }
    public int TeamMin { get; set; }
    public int TeamMax { get; set; }
    public bool DailyCheckInExpected { get; set; }
    public int AtRiskAfterDays { get; set; }
    public int DropOutAfterDays { get; set; }
    public string TimeZone { get; set; } = "Asia/Tokyo";
    public List<WeekRow> Milestones { get; set; } = [];
    public List<WeekRow> Shipments { get; set; } = [];
    public bool QuitDayAfterFirstKit { get; set; }
    public int? LateJoinersUntilWeek { get; set; }
    public SuccessRuleKind SuccessRule { get; set; }
    public int AbstinenceDays { get; set; } = 7;
    public bool CoVerified { get; set; }
    public int? MaxCoPpm { get; set; }
    public decimal WeightLossKg { get; set; } = 2;
    public decimal WaistLossCm { get; set; } = 2;
    public int Steps { get; set; } = 8000;

    public static ProgramDefinitionForm From(ProgramDefinition d)
    {
        var form = new ProgramDefinitionForm
        {
            NameJa = d.NameJa, NameEn = d.NameEn, DurationWeeks = d.DurationWeeks,
            TeamTarget = d.TeamSize.Target, TeamMin = d.TeamSize.Min, TeamMax = d.TeamSize.Max,
            DailyCheckInExpected = d.DailyCheckInExpected, AtRiskAfterDays = d.AtRiskAfterDays, DropOutAfterDays = d.DropOutAfterDays,
            TimeZone = d.TimeZone,
            Milestones = Padded(d.Milestones.Select(m => new WeekRow { Week = m.WeeksAfterStart, Text = m.Name, TextEn = m.NameEn })),
            Shipments = Padded(d.Shipments.Select(s => new WeekRow { Week = s.SupplyWeek, Text = s.Item, TextEn = s.ItemEn })),
            QuitDayAfterFirstKit = d.QuitDayAfterFirstKit,
            LateJoinersUntilWeek = d.LateJoinersUntilWeek,
        };
        switch (d.Success)
        {
            case SelfReportedAbstinence a:
                (form.SuccessRule, form.AbstinenceDays, form.CoVerified, form.MaxCoPpm) = (SuccessRuleKind.Abstinence, a.Days, a.CoVerified, a.MaxCoPpm);
                break;
            case BodyMeasureChange b:
                (form.SuccessRule, form.WeightLossKg, form.WaistLossCm) = (SuccessRuleKind.BodyChange, b.WeightLossKg, b.WaistLossCm);
                break;
            case AverageDailySteps s:
                (form.SuccessRule, form.Steps) = (SuccessRuleKind.AverageSteps, s.Steps);
                break;
        }

        return form;
    }

    public ProgramDefinition ToDefinition(string code) => new()
    {
        Code = code,
        NameJa = AsTyped(NameJa),
        NameEn = AsTyped(NameEn),
        DurationWeeks = DurationWeeks,
        TeamSize = new TeamSizeRule(TeamTarget, TeamMin, TeamMax),
        DailyCheckInExpected = DailyCheckInExpected,
        AtRiskAfterDays = AtRiskAfterDays,
        DropOutAfterDays = DropOutAfterDays,
        TimeZone = TimeZone.Trim(),
        Milestones = Filled(Milestones)
            .Select(r => new Milestone(r.Week ?? -1, AsTyped(r.Text)) { NameEn = AsTyped(r.TextEn) is { Length: > 0 } en ? en : null })
            .OrderBy(m => m.WeeksAfterStart).ToList(),
        Shipments = Filled(Shipments)
            .Select(r => new Shipment(r.Week ?? -1, AsTyped(r.Text)) { ItemEn = AsTyped(r.TextEn) is { Length: > 0 } en ? en : null })
            .OrderBy(s => s.SupplyWeek).ToList(),
        // A quit day belongs to abstinence: a box left checked before another criterion was chosen does not count.
        QuitDayAfterFirstKit = QuitDayAfterFirstKit && SuccessRule == SuccessRuleKind.Abstinence,
        LateJoinersUntilWeek = LateJoinersUntilWeek,
        Success = SuccessRule switch
        {
            SuccessRuleKind.BodyChange => new BodyMeasureChange(WeightLossKg, WaistLossCm),
            SuccessRuleKind.AverageSteps => new AverageDailySteps(Steps),
            _ => new SelfReportedAbstinence(AbstinenceDays, CoVerified, CoVerified ? MaxCoPpm : null),
        },
    };

    /// <summary>
    /// Names and titles are kept as the admin typed them (full-width letters and digits included), only trimmed: folding
    /// widths is for matching text, never for what is stored and shown.
    /// </summary>
    public static string AsTyped(string? text) => text?.Trim() ?? "";

    private static IEnumerable<WeekRow> Filled(IEnumerable<WeekRow>? rows) => (rows ?? []).Where(r => !r.IsBlank);

    private static List<WeekRow> Padded(IEnumerable<WeekRow> rows)
    {
        var list = rows.ToList();
        while (list.Count < ListRows) list.Add(new WeekRow());
        return list;
    }
}
