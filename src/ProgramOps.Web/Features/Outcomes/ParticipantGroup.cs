using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// People of a report's scope who share everything a report counts, as one GROUP BY row of the read model: the report
/// never reads participants one by one.
/// </summary>
public sealed class ParticipantGroup
{
    public int ContractId { get; init; }
    public bool Enrolled { get; init; }
    public ParticipantState State { get; init; }
    /// <summary>The state a dropped-out or withdrawn participant left.</summary>
    public ParticipantState? ExitedFrom { get; init; }
    public ParticipantOutcome? Outcome { get; init; }
    /// <summary>The program week the participant entered their current state (0 before the start).</summary>
    public int StateChangedWeek { get; init; }
    public int? LastCheckInWeek { get; init; }
    /// <summary>Age at the cohort's start year, rounded down to ten (30 = 30–39); null when not given.</summary>
    public int? AgeBand { get; init; }
    public bool CoBelowCutoff { get; init; }
    public double? WeightChangeKg { get; init; }
    public double? WaistChangeCm { get; init; }
    public int People { get; init; }

    public bool Completed => State == ParticipantState.Completed || ExitedFrom == ParticipantState.Completed;

    public bool DroppedOut => State == ParticipantState.DroppedOut;

    /// <summary>Left the program in <see cref="StateChangedWeek"/>: completed, dropped out or withdrew.</summary>
    public bool Left => HasLeft(State);

    public static bool HasLeft(ParticipantState state) => state is ParticipantState.Completed or ParticipantState.DroppedOut or ParticipantState.Withdrawn;

    public bool Onboarded => Completed || IsOnboarded(State) || ExitedFrom is { } from && IsOnboarded(from);

    private static bool IsOnboarded(ParticipantState state) => state is ParticipantState.Onboarding or ParticipantState.Active or ParticipantState.AtRisk;
}

/// <summary>Whether a completer's answer is a success, by the program's kind of criterion.</summary>
public enum OutcomeKind
{
    /// <summary>Self-reported abstinence (the smoking program), optionally CO-verified: the participant's recorded outcome.</summary>
    Abstinence,
    /// <summary>特定保健指導 style body measures: −2 kg and −2 cm, −1/−1 partial, from the final answers.</summary>
    BodyMeasures,
    /// <summary>Any other criterion: the participant's recorded outcome.</summary>
    Recorded,
}

public static class ParticipantGroups
{
    public static bool Succeeded(this ParticipantGroup group, OutcomeKind kind) => group.Completed && (kind == OutcomeKind.BodyMeasures
        ? group.BodyMeasures() == BodyMeasureResult.Success
        : group.Outcome == ParticipantOutcome.Succeeded);

    public static BodyMeasureResult BodyMeasures(this ParticipantGroup group) =>
        BodyMeasureResults.Classify((decimal?)group.WeightChangeKg, (decimal?)group.WaistChangeCm);
}
