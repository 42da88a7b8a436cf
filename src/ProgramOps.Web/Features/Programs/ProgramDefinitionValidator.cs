using ProgramOps.Web.Features.Teams;

namespace ProgramOps.Web.Features.Programs;

/// <summary>What a definition must satisfy before it can be published and run with real people.</summary>
public sealed class ProgramDefinitionValidator : AbstractValidator<ProgramDefinition>
{
    public const int MaxWeeks = 104;

    public ProgramDefinitionValidator(IStringLocalizer<ProgramsText> text)
    {
        RuleFor(d => d.Code).NotEmpty().WithMessage(_ => text["Validation.CodeRequired"])
            .Matches("^[a-z0-9][a-z0-9-]{1,39}$").WithMessage(_ => text["Validation.CodeFormat"]);
        RuleFor(d => d.NameJa).NotEmpty().WithMessage(_ => text["Validation.Required", text["Field.NameJa"]])
            .MaximumLength(200).WithMessage(_ => text["Validation.TooLong", text["Field.NameJa"], 200]);
        RuleFor(d => d.NameEn).NotEmpty().WithMessage(_ => text["Validation.Required", text["Field.NameEn"]])
            .MaximumLength(200).WithMessage(_ => text["Validation.TooLong", text["Field.NameEn"], 200]);
        RuleFor(d => d.DurationWeeks).InclusiveBetween(1, MaxWeeks).WithMessage(_ => text["Validation.Duration", MaxWeeks]);
        RuleFor(d => d.TeamSize).Must(t => t.IsValid).WithMessage(_ => text["Validation.TeamSize", TeamSizeRule.PeerTeamLimit]);
        RuleFor(d => d.AtRiskAfterDays).GreaterThan(0).WithMessage(_ => text["Validation.AtRisk"]);
        RuleFor(d => d.DropOutAfterDays).GreaterThan(d => d.AtRiskAfterDays).WithMessage(_ => text["Validation.DropOut"]);
        RuleForEach(d => d.Milestones).Must((d, m) => m.WeeksAfterStart >= 0 && m.WeeksAfterStart <= d.DurationWeeks && !string.IsNullOrWhiteSpace(m.Name))
            .WithMessage((_, m) => text["Validation.Milestone", m.WeeksAfterStart, m.Name]);
        RuleForEach(d => d.Milestones).Must(m => !string.IsNullOrWhiteSpace(m.NameEn))
            .WithMessage((_, m) => text["Validation.MilestoneNameEn", m.WeeksAfterStart, m.Name]);
        RuleFor(d => d.Milestones).Must(m => m.Select(x => x.WeeksAfterStart).Distinct().Count() == m.Count)
            .WithMessage(_ => text["Validation.MilestoneWeeksUnique"]);
        RuleForEach(d => d.Shipments).Must((d, s) => s.SupplyWeek >= 0 && s.SupplyWeek < d.DurationWeeks && !string.IsNullOrWhiteSpace(s.Item))
            .WithMessage((_, s) => text["Validation.Shipment", s.SupplyWeek, s.Item]);
        RuleForEach(d => d.Shipments).Must(s => !string.IsNullOrWhiteSpace(s.ItemEn))
            .WithMessage((_, s) => text["Validation.ShipmentItemEn", s.SupplyWeek, s.Item]);
        RuleFor(d => d.Shipments).Must(s => s.Select(x => x.SupplyWeek).Distinct().Count() == s.Count)
            .WithMessage(_ => text["Validation.ShipmentWeeksUnique"]);
        RuleFor(d => d.QuitDayAfterFirstKit).Must((d, afterKit) => !afterKit || d.Shipments.Any(s => s.SupplyWeek == 0))
            .WithMessage(_ => text["Validation.QuitDayNeedsFirstKit"]);
        RuleFor(d => d.LateJoinersUntilWeek).Must((d, week) => week is null || (week >= 1 && week <= d.DurationWeeks))
            .WithMessage(d => text["Validation.LateJoinersUntilWeek", d.DurationWeeks]);
        RuleFor(d => d.Success).Must(IsSensible).WithMessage(d => text[$"Validation.Success.{SuccessRuleKindOf(d.Success)}"]);
        RuleFor(d => d.TimeZone).Must(IsKnownTimeZone).WithMessage(d => text["Validation.TimeZone", d.TimeZone]);
    }

    private static bool IsSensible(SuccessCriterion criterion) => criterion switch
    {
        SelfReportedAbstinence a => a.Days is >= 1 and <= 90 && (!a.CoVerified || a.MaxCoPpm is > 0 and <= 50),
        BodyMeasureChange b => b.WeightLossKg > 0 || b.WaistLossCm > 0,
        AverageDailySteps s => s.Steps is > 0 and <= 50_000,
        _ => false,
    };

    private static SuccessRuleKind SuccessRuleKindOf(SuccessCriterion criterion) => criterion switch
    {
        BodyMeasureChange => SuccessRuleKind.BodyChange,
        AverageDailySteps => SuccessRuleKind.AverageSteps,
        _ => SuccessRuleKind.Abstinence,
    };

    private static bool IsKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
