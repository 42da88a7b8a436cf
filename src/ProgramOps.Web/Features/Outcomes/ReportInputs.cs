namespace ProgramOps.Web.Features.Outcomes;

/// <summary>Everything a report counts about one scope (a client's slice, a cohort, pooled cohorts), already aggregated.</summary>
/// <param name="ReportWeek">The program week the report is drawn in; past the program's end it is the last week.</param>
/// <param name="CheckedInPerWeek">Participants still taking part who checked in, per program week.</param>
/// <param name="ActiveTeamsPerWeek">Teams of the scope with at least <see cref="MinActiveTeamMembers"/> members checking in, per week.</param>
public sealed record ReportInputs(
    IReadOnlyList<ParticipantGroup> Groups,
    OutcomeKind Kind,
    int DurationWeeks,
    int ReportWeek,
    IReadOnlyDictionary<int, int> CheckedInPerWeek,
    int TeamsInScope,
    IReadOnlyDictionary<int, int> ActiveTeamsPerWeek,
    IReadOnlyList<(int Score, int Count)> Satisfaction)
{
    public const int MinActiveTeamMembers = 3;

    /// <summary>The weeks observed so far: 1 to the report's week, never past the program's end.</summary>
    public int ObservedWeeks => Math.Clamp(ReportWeek, 1, DurationWeeks);

    public static ReportInputs OutcomesOnly(IReadOnlyList<ParticipantGroup> groups, OutcomeKind kind, int durationWeeks, IReadOnlyList<(int Score, int Count)> satisfaction) =>
        new(groups, kind, durationWeeks, durationWeeks, new Dictionary<int, int>(), 0, new Dictionary<int, int>(), satisfaction);
}
