using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Initiatives;

/// <summary>What an initiative changes.</summary>
public enum ChangeKind
{
    Content,
    Default,
    ProgramVersion,
    BaseAppChange,
}

/// <summary>What an initiative is measured by: one funnel step's conversion, or the check-in rate of a range of program weeks.</summary>
public enum MetricKind
{
    StepConversion,
    CheckInRate,
}

/// <summary>
/// What the effect is measured against: the same scope's participants whose cohorts started in a window of weeks before the
/// initiative's start, or a control group of the cohort's own teams.
/// </summary>
public enum BaselineKind
{
    BeforeStart,
    ControlTeams,
}

public enum InitiativeState
{
    Active,
    Ended,
}

public enum Arm
{
    Treatment,
    Control,
}

public enum InitiativeSort
{
    Newest,
    StartDate,
    Title,
}

public sealed record InitiativeRow
{
    public int Id { get; init; }
    public int IssueId { get; init; }
    public int ProgramId { get; init; }
    public string IssueStatement { get; init; } = "";
    public FunnelStage IssueStage { get; init; }
    public string Title { get; init; } = "";
    public string Hypothesis { get; init; } = "";
    public ChangeKind ChangeKind { get; init; }
    public string ChangeDescription { get; init; } = "";
    public MetricKind MetricKind { get; init; }
    public FunnelStage? MetricStage { get; init; }
    public int? MetricFromWeek { get; init; }
    public int? MetricToWeek { get; init; }
    public BaselineKind BaselineKind { get; init; }
    public int? BaselineWeeks { get; init; }
    public DateOnly StartDate { get; init; }
    public int OwnerId { get; init; }
    public string? OwnerName { get; init; }
    public double DecayShare { get; init; }
    public int? ArmSeed { get; init; }
    public InitiativeState State { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
    public int TotalCount { get; init; }

    public InitiativeDesign Design => new(MetricKind, MetricStage, MetricFromWeek, MetricToWeek, BaselineKind, BaselineWeeks, StartDate, DecayShare);
}

/// <summary>A program version by its number.</summary>
public sealed record VersionEntry
{
    public int Id { get; init; }
    public int VersionNumber { get; init; }
}

/// <summary>One stored point of the decay watch: the effect over the window ending that week, with its 95% interval.</summary>
public sealed record EffectRow
{
    public int Week { get; init; }
    public DateOnly WeekOf { get; init; }
    public double Difference { get; init; }
    public double Lower { get; init; }
    public double Upper { get; init; }
    public bool WearingOff { get; init; }
}

/// <summary>How many of the cohort's teams are in an arm (no one named: the arms are teams).</summary>
public sealed record ArmSize
{
    public Arm Arm { get; init; }
    public int Teams { get; init; }
}
