using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Funnel;

/// <summary>Where a participant's path ends so far: the furthest stage they reached, and whether they were lost there.</summary>
/// <param name="Furthest">The furthest stage reached.</param>
/// <param name="Lost">Declined, let the invitation expire, dropped out or withdrew at <paramref name="Furthest"/>; false
/// while still taking part and for those who completed.</param>
public readonly record struct FunnelPlace(FunnelStage Furthest, bool Lost)
{
    /// <summary>Still at <see cref="Furthest"/>: neither lost nor through the last stage.</summary>
    public bool InProgress => !Lost && Furthest != FunnelStage.FinalAssessment;
}

/// <summary>
/// Classifies a participant into the funnel from their lifecycle state, the state a drop-out or withdrawal left, and the
/// program week of the change (0 before the start): who never linked the app stays at the invitation, who linked but was
/// not started stays at enrolment, who answered the final assessment reached it, and everyone else reached the stage of
/// the program week they left in or, still taking part, the cohort's week today. No I/O.
/// </summary>
public static class FunnelClassifier
{
    /// <param name="state">The participant's current state.</param>
    /// <param name="exitedFrom">For a drop-out or withdrawal, the state they left.</param>
    /// <param name="stateChangedWeek">The program week they entered <paramref name="state"/> (0 before the start).</param>
    /// <param name="weekToday">The cohort's program week today (0 before the start).</param>
    public static FunnelPlace Place(ParticipantState state, ParticipantState? exitedFrom, int stateChangedWeek, int weekToday)
    {
        var exited = LeftTheProgram(state);
        var reachedState = exited ? exitedFrom ?? state : state;
        var lost = state is ParticipantState.Declined or ParticipantState.InvitationExpired || exited && reachedState != ParticipantState.Completed;
        var furthest = reachedState switch
        {
            ParticipantState.Invited or ParticipantState.Declined or ParticipantState.InvitationExpired => FunnelStage.Invitation,
            ParticipantState.Enrolled => FunnelStage.Enrolment,
            ParticipantState.Completed => FunnelStage.FinalAssessment,
            // A drop-out or withdrawal whose origin is unknown left while onboarded at the latest: counted by its week.
            _ => StageOfWeek(exited ? stateChangedWeek : weekToday),
        };
        return new FunnelPlace(furthest, lost);
    }

    /// <summary>Dropped out or withdrew: placed by the state left and the week of leaving.</summary>
    public static bool LeftTheProgram(ParticipantState state) => state is ParticipantState.DroppedOut or ParticipantState.Withdrawn;

    /// <summary>The stage of an onboarded participant in a program week: onboarding before the start, then the weeks.</summary>
    public static FunnelStage StageOfWeek(int programWeek) => programWeek switch
    {
        <= 0 => FunnelStage.Onboarding,
        1 => FunnelStage.Week1,
        <= 4 => FunnelStage.Weeks2To4,
        _ => FunnelStage.Weeks5To12,
    };
}
