using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.UnitTests.Funnel;

public sealed class FunnelClassifierTests
{
    [Theory]
    [InlineData(ParticipantState.Invited, null, 0, 5, FunnelStage.Invitation, false)]
    [InlineData(ParticipantState.Declined, null, 0, 5, FunnelStage.Invitation, true)]
    [InlineData(ParticipantState.InvitationExpired, null, 2, 5, FunnelStage.Invitation, true)]
    [InlineData(ParticipantState.Withdrawn, ParticipantState.Invited, 0, 5, FunnelStage.Invitation, true)]
    [InlineData(ParticipantState.Enrolled, null, 0, 5, FunnelStage.Enrolment, false)]
    [InlineData(ParticipantState.DroppedOut, ParticipantState.Enrolled, 1, 5, FunnelStage.Enrolment, true)]
    [InlineData(ParticipantState.Onboarding, null, 0, 0, FunnelStage.Onboarding, false)]
    [InlineData(ParticipantState.Withdrawn, ParticipantState.Onboarding, 0, 5, FunnelStage.Onboarding, true)]
    [InlineData(ParticipantState.Active, null, 1, 1, FunnelStage.Week1, false)]
    [InlineData(ParticipantState.DroppedOut, ParticipantState.AtRisk, 1, 9, FunnelStage.Week1, true)]
    [InlineData(ParticipantState.DroppedOut, ParticipantState.AtRisk, 2, 9, FunnelStage.Weeks2To4, true)]
    [InlineData(ParticipantState.DroppedOut, ParticipantState.AtRisk, 4, 9, FunnelStage.Weeks2To4, true)]
    [InlineData(ParticipantState.DroppedOut, ParticipantState.Active, 5, 9, FunnelStage.Weeks5To12, true)]
    [InlineData(ParticipantState.AtRisk, null, 3, 4, FunnelStage.Weeks2To4, false)]
    [InlineData(ParticipantState.Active, null, 0, 13, FunnelStage.Weeks5To12, false)]
    [InlineData(ParticipantState.Completed, null, 13, 14, FunnelStage.FinalAssessment, false)]
    [InlineData(ParticipantState.Withdrawn, ParticipantState.Completed, 14, 15, FunnelStage.FinalAssessment, false)]
    public void A_participant_is_placed_at_the_furthest_stage_and_lost_there_only_if_they_left(
        ParticipantState state, ParticipantState? exitedFrom, int stateChangedWeek, int weekToday, FunnelStage furthest, bool lost)
    {
        var place = FunnelClassifier.Place(state, exitedFrom, stateChangedWeek, weekToday);

        Assert.Equal(new FunnelPlace(furthest, lost), place);
    }

    [Fact]
    public void Only_those_still_taking_part_short_of_the_final_assessment_are_in_progress()
    {
        Assert.True(new FunnelPlace(FunnelStage.Weeks2To4, false).InProgress);
        Assert.False(new FunnelPlace(FunnelStage.Weeks2To4, true).InProgress);
        Assert.False(new FunnelPlace(FunnelStage.FinalAssessment, false).InProgress);
    }

    [Fact]
    public void A_steps_conversion_counts_only_those_whose_previous_stage_is_decided()
    {
        // 10 invited: 2 declined, 1 still invited, 7 enrolled; of those 3 still at enrolment, 4 onboarded and completed.
        var steps = FunnelSteps.Count([
            (new FunnelPlace(FunnelStage.Invitation, true), 2),
            (new FunnelPlace(FunnelStage.Invitation, false), 1),
            (new FunnelPlace(FunnelStage.Enrolment, false), 3),
            (new FunnelPlace(FunnelStage.FinalAssessment, false), 4),
        ]);

        Assert.Null(steps[0].Conversion);
        Assert.Equal((7, 9), (steps[1].Converted, steps[1].OutOf));
        Assert.Equal((4, 4), (steps[2].Converted, steps[2].OutOf));
        Assert.Equal([10, 7, 4, 4, 4, 4, 4], steps.Select(s => s.Reached));
        Assert.Equal([1, 3, 0, 0, 0, 0, 0], steps.Select(s => s.StillHere));
    }
}
