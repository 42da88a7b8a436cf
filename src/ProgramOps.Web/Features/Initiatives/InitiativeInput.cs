using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Initiatives;

/// <summary>What can change while an initiative runs: its words, its owner, the decay share it is watched by, and its state.</summary>
public record InitiativePlan
{
    public const int MaxTitle = 200;
    public const int MaxText = 2000;

    public string Title { get; init; } = "";
    public string Hypothesis { get; init; } = "";
    public ChangeKind ChangeKind { get; init; } = ChangeKind.Content;
    public string ChangeDescription { get; init; } = "";
    public int OwnerId { get; init; }

    /// <summary>The decay rule's share of the first effect, in percent (default one half).</summary>
    public int DecayPercent { get; init; } = (int)(DecayRule.DefaultShare * 100);

    public InitiativeState State { get; init; } = InitiativeState.Active;

    /// <summary>The plan alone (for the edit form and its audit), its texts trimmed.</summary>
    public InitiativePlan TrimmedPlan() => new()
    {
        Title = Clean(Title), Hypothesis = Clean(Hypothesis), ChangeKind = ChangeKind, ChangeDescription = Clean(ChangeDescription),
        OwnerId = OwnerId, DecayPercent = DecayPercent, State = State,
    };

    protected static string Clean(string? text) => (text ?? "").Trim();
}

/// <summary>
/// An initiative as created: its plan and its design (metric, baseline, start, scope), which is fixed from then on because
/// every measured point and a team experiment's arms rest on it.
/// </summary>
public sealed record InitiativeInput : InitiativePlan
{
    public int IssueId { get; init; }
    public MetricKind MetricKind { get; init; } = MetricKind.StepConversion;
    public FunnelStage? MetricStage { get; init; }
    public int? MetricFromWeek { get; init; }
    public int? MetricToWeek { get; init; }
    public BaselineKind BaselineKind { get; init; } = BaselineKind.BeforeStart;
    public int? BaselineWeeks { get; init; }
    public DateOnly StartDate { get; init; }
    public List<int> VersionIds { get; init; } = [];
    public List<int> CohortIds { get; init; } = [];

    public InitiativeInput Normalized() => this with
    {
        Title = Clean(Title), Hypothesis = Clean(Hypothesis), ChangeDescription = Clean(ChangeDescription),
        MetricStage = MetricKind == MetricKind.StepConversion ? MetricStage : null,
        MetricFromWeek = MetricKind == MetricKind.CheckInRate ? MetricFromWeek : null,
        MetricToWeek = MetricKind == MetricKind.CheckInRate ? MetricToWeek : null,
        BaselineWeeks = BaselineKind == BaselineKind.BeforeStart ? BaselineWeeks : null,
        VersionIds = [.. (VersionIds ?? []).Distinct()], CohortIds = [.. (CohortIds ?? []).Distinct()],
    };
}

public sealed class InitiativePlanValidator : AbstractValidator<InitiativePlan>
{
    public InitiativePlanValidator(IStringLocalizer<InitiativesText> text, IReadOnlyCollection<int> owners)
    {
        RuleFor(i => i.Title).NotEmpty().WithMessage(_ => text["Validation.TitleRequired"])
            .MaximumLength(InitiativePlan.MaxTitle).WithMessage(_ => text["Validation.TitleTooLong", InitiativePlan.MaxTitle]);
        RuleFor(i => i.Hypothesis).NotEmpty().WithMessage(_ => text["Validation.HypothesisRequired"])
            .MaximumLength(InitiativePlan.MaxText).WithMessage(_ => text["Validation.HypothesisTooLong", InitiativePlan.MaxText]);
        RuleFor(i => i.ChangeKind).IsInEnum().WithMessage(_ => text["Validation.ChangeKind"]);
        RuleFor(i => i.ChangeDescription).NotEmpty().WithMessage(_ => text["Validation.ChangeRequired"])
            .MaximumLength(InitiativePlan.MaxText).WithMessage(_ => text["Validation.ChangeTooLong", InitiativePlan.MaxText]);
        RuleFor(i => i.OwnerId).Must(owners.Contains).WithMessage(_ => text["Validation.Owner"]);
        RuleFor(i => i.DecayPercent).InclusiveBetween(1, 99).WithMessage(_ => text["Validation.DecayPercent"]);
        RuleFor(i => i.State).IsInEnum().WithMessage(_ => text["Validation.State"]);
    }
}

/// <summary>The design's rules: a metric that can be counted, a baseline that can be drawn, and a scope in the issue's program.</summary>
public sealed class InitiativeInputValidator : AbstractValidator<InitiativeInput>
{
    public const int MaxBaselineWeeks = 52;

    public InitiativeInputValidator(
        IStringLocalizer<InitiativesText> text, IReadOnlyCollection<int> owners, IReadOnlyCollection<int> versions, IReadOnlyCollection<int> cohorts)
    {
        Include(new InitiativePlanValidator(text, owners));
        RuleFor(i => i.MetricKind).IsInEnum().WithMessage(_ => text["Validation.MetricKind"]);
        RuleFor(i => i.MetricStage).NotNull().Must(s => s is > FunnelStage.Invitation && Enum.IsDefined(s.Value)).WithMessage(_ => text["Validation.MetricStage"])
            .When(i => i.MetricKind == MetricKind.StepConversion);
        When(i => i.MetricKind == MetricKind.CheckInRate, () =>
        {
            RuleFor(i => i.MetricFromWeek).NotNull().InclusiveBetween(1, FunnelSql.CurveWeeks).WithMessage(_ => text["Validation.MetricWeeks", FunnelSql.CurveWeeks]);
            RuleFor(i => i.MetricToWeek).NotNull().InclusiveBetween(1, FunnelSql.CurveWeeks).WithMessage(_ => text["Validation.MetricWeeks", FunnelSql.CurveWeeks])
                .GreaterThanOrEqualTo(i => i.MetricFromWeek).WithMessage(_ => text["Validation.MetricWeeksOrder"]);
        });
        RuleFor(i => i.BaselineKind).IsInEnum().WithMessage(_ => text["Validation.BaselineKind"]);
        RuleFor(i => i.BaselineWeeks).NotNull().InclusiveBetween(1, MaxBaselineWeeks).WithMessage(_ => text["Validation.BaselineWeeks", MaxBaselineWeeks])
            .When(i => i.BaselineKind == BaselineKind.BeforeStart);
        RuleFor(i => i.StartDate).NotEqual(default(DateOnly)).WithMessage(_ => text["Validation.StartDate"]);
        RuleFor(i => i).Must(i => i.VersionIds.Count > 0 != i.CohortIds.Count > 0).WithName("Scope").WithMessage(_ => text["Validation.Scope"]);
        RuleFor(i => i.VersionIds).Must(ids => ids.All(versions.Contains)).WithMessage(_ => text["Validation.Scope"]);
        RuleFor(i => i.CohortIds).Must(ids => ids.All(cohorts.Contains)).WithMessage(_ => text["Validation.Scope"]);
        RuleFor(i => i.CohortIds).Must(ids => ids.Count == 1).WithMessage(_ => text["Validation.ControlTeams"])
            .When(i => i.BaselineKind == BaselineKind.ControlTeams);
        // A step is decided once per cohort, so one cohort's teams give no series over time: they are watched by their check-ins.
        RuleFor(i => i.MetricKind).Equal(MetricKind.CheckInRate).WithMessage(_ => text["Validation.ControlTeamsMetric"])
            .When(i => i.BaselineKind == BaselineKind.ControlTeams);
    }
}
