using ProgramOps.Web.Features.Teams;

namespace ProgramOps.Web.Features.Programs;

/// <summary>The programs an admin starts from when launching a new one ("clone a template, edit, publish").</summary>
public static class ProgramTemplates
{
    /// <summary>3-month smoking cessation: nicotine-replacement kits by post, 5-person peer teams, 7-day abstinence at week 12.</summary>
    public static readonly ProgramDefinition SmokingCessation = new()
    {
        Code = "smoking-12w",
        NameJa = "禁煙プログラム（3か月）",
        NameEn = "Smoking cessation (3 months)",
        DurationWeeks = 12,
        TeamSize = TeamSizeRule.SmokingProgram,
        DailyCheckInExpected = true,
        AtRiskAfterDays = 3,
        DropOutAfterDays = 14,
        Milestones =
        [
            new(0, "キックオフ") { NameEn = "Kick-off" }, new(1, "禁煙開始日") { NameEn = "Quit day" },
            new(4, "4週目振り返り") { NameEn = "Week 4 review" }, new(8, "8週目振り返り") { NameEn = "Week 8 review" },
            new(12, "最終評価") { NameEn = "Final assessment" },
        ],
        Success = new SelfReportedAbstinence(Days: 7, CoVerified: false, MaxCoPpm: null),
        Shipments =
        [
            new(0, "ニコチンパッチ・ガム 初回キット") { ItemEn = "Nicotine patch and gum starter kit" },
            new(4, "ニコチン置換 2回目キット") { ItemEn = "Nicotine replacement kit 2" },
            new(8, "ニコチン置換 3回目キット") { ItemEn = "Nicotine replacement kit 3" },
        ],
        QuitDayAfterFirstKit = true,
        LateJoinersUntilWeek = 1,
    };

    /// <summary>3-month weight management judged like 特定保健指導: −2 kg and −2 cm waist.</summary>
    public static readonly ProgramDefinition WeightManagement = new()
    {
        Code = "weight-12w",
        NameJa = "体重管理プログラム（3か月）",
        NameEn = "Weight management (3 months)",
        DurationWeeks = 12,
        TeamSize = TeamSizeRule.SmokingProgram,
        DailyCheckInExpected = true,
        AtRiskAfterDays = 5,
        DropOutAfterDays = 21,
        Milestones =
        [
            new(0, "キックオフ・初回測定") { NameEn = "Kick-off and first measurement" }, new(6, "中間測定") { NameEn = "Midpoint measurement" },
            new(12, "最終測定") { NameEn = "Final measurement" },
        ],
        Success = new BodyMeasureChange(WeightLossKg: 2m, WaistLossCm: 2m),
        Shipments = [new(0, "体組成計") { ItemEn = "Body composition scale" }],
    };

    public static IReadOnlyList<ProgramDefinition> All { get; } = [SmokingCessation, WeightManagement];
}
