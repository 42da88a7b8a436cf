using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Cohorts;

public enum FunnelStage
{
    Invited,
    Enrolled,
    Onboarding,
    Active,
    Completed,
    Succeeded,
}

/// <summary>How many participants reached a stage, and what share of those invited that is.</summary>
public sealed record FunnelStep(FunnelStage Stage, int Reached, double ShareOfInvited);

/// <summary>
/// The cohort's funnel so far (invited → enrolled → onboarding → active → completed → succeeded): how far each
/// participant got, from their state — and for those who dropped out or withdrew, from the state they left.
/// No I/O.
/// </summary>
public static class CohortFunnel
{
    /// <param name="byState">Participants per current state.</param>
    /// <param name="exitsByOrigin">Participants now dropped out or withdrawn, per the state they left from.</param>
    /// <param name="succeeded">Completed participants whose outcome is Succeeded.</param>
    public static IReadOnlyList<FunnelStep> Build(
        IReadOnlyDictionary<ParticipantState, int> byState, IReadOnlyDictionary<ParticipantState, int> exitsByOrigin, int succeeded)
    {
        var furthest = new int[Enum.GetValues<FunnelStage>().Length];
        foreach (var (state, count) in byState)
        {
            if (state is ParticipantState.DroppedOut or ParticipantState.Withdrawn) continue;
            furthest[(int)StageOf(state)] += count;
        }

        foreach (var (origin, count) in exitsByOrigin) furthest[(int)StageOf(origin)] += count;
        furthest[(int)FunnelStage.Completed] -= succeeded;
        furthest[(int)FunnelStage.Succeeded] += succeeded;

        var invited = furthest.Sum();
        var steps = new List<FunnelStep>();
        var reached = invited;
        foreach (var stage in Enum.GetValues<FunnelStage>())
        {
            steps.Add(new FunnelStep(stage, reached, invited == 0 ? 0 : (double)reached / invited));
            reached -= furthest[(int)stage];
        }

        return steps;
    }

    private static FunnelStage StageOf(ParticipantState state) => state switch
    {
        ParticipantState.Invited or ParticipantState.Declined or ParticipantState.InvitationExpired => FunnelStage.Invited,
        ParticipantState.Enrolled => FunnelStage.Enrolled,
        ParticipantState.Onboarding => FunnelStage.Onboarding,
        ParticipantState.Active or ParticipantState.AtRisk => FunnelStage.Active,
        ParticipantState.Completed => FunnelStage.Completed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "An exit is left from a state where the participant was still taking part."),
    };
}
