using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Cohorts;

/// <summary>Participants who left the program, by the state they left and the program week they left in.</summary>
public sealed record ExitCount
{
    public ParticipantState State { get; init; }
    public int Week { get; init; }
    public int Count { get; init; }
}

/// <summary>The cohort's funnel so far, in the console's one funnel (<see cref="FunnelClassifier"/>). No I/O.</summary>
public static class CohortFunnel
{
    /// <param name="byState">Participants per current state.</param>
    /// <param name="exits">Participants now dropped out or withdrawn, per the state they left and the week they left in.</param>
    /// <param name="weekToday">The cohort's program week today (0 before the start).</param>
    public static IReadOnlyList<FunnelStep> Build(
        IReadOnlyDictionary<ParticipantState, int> byState, IReadOnlyList<ExitCount> exits, int weekToday)
    {
        var staying = byState.Where(s => s.Key is not (ParticipantState.DroppedOut or ParticipantState.Withdrawn))
            .Select(s => (FunnelClassifier.Place(s.Key, null, 0, weekToday), s.Value));
        var leaving = exits.Select(e => (FunnelClassifier.Place(ParticipantState.DroppedOut, e.State, e.Week, weekToday), e.Count));
        return FunnelSteps.Count(staying.Concat(leaving));
    }
}
