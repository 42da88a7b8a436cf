using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.UnitTests.Cohorts;

public sealed class CohortFunnelTests
{
    private static Dictionary<ParticipantState, int> States(params (ParticipantState State, int Count)[] counts) =>
        counts.ToDictionary(c => c.State, c => c.Count);

    [Fact]
    public void Each_stage_counts_everyone_who_got_at_least_that_far()
    {
        var funnel = CohortFunnel.Build(
            States((ParticipantState.Invited, 10), (ParticipantState.Declined, 5), (ParticipantState.Enrolled, 4),
                (ParticipantState.Active, 20), (ParticipantState.AtRisk, 6), (ParticipantState.Completed, 15)),
            States(), succeeded: 9);

        Assert.Equal([60, 45, 41, 41, 15, 9], funnel.Select(s => s.Reached));
        Assert.Equal(0.75, funnel.Single(s => s.Stage == FunnelStage.Enrolled).ShareOfInvited);
    }

    [Fact]
    public void Drop_outs_and_withdrawals_count_up_to_the_state_they_left()
    {
        var funnel = CohortFunnel.Build(
            States((ParticipantState.Active, 10), (ParticipantState.DroppedOut, 6), (ParticipantState.Withdrawn, 2)),
            States((ParticipantState.Onboarding, 3), (ParticipantState.AtRisk, 3), (ParticipantState.Invited, 2)), succeeded: 0);

        Assert.Equal([18, 16, 16, 13, 0, 0], funnel.Select(s => s.Reached));
    }

    [Fact]
    public void An_empty_cohort_has_an_empty_funnel()
    {
        var funnel = CohortFunnel.Build(States(), States(), 0);

        Assert.All(funnel, step => Assert.Equal((0, 0.0), (step.Reached, step.ShareOfInvited)));
        Assert.Equal(Enum.GetValues<FunnelStage>(), funnel.Select(s => s.Stage));
    }
}
