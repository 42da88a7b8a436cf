using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.UnitTests.Cohorts;

public sealed class CohortFunnelTests
{
    private static Dictionary<ParticipantState, int> States(params (ParticipantState State, int Count)[] counts) =>
        counts.ToDictionary(c => c.State, c => c.Count);

    [Fact]
    public void Each_stage_counts_everyone_who_got_at_least_that_far_in_week_three()
    {
        var funnel = CohortFunnel.Build(
            States((ParticipantState.Invited, 10), (ParticipantState.Declined, 5), (ParticipantState.Enrolled, 4),
                (ParticipantState.Active, 20), (ParticipantState.AtRisk, 6), (ParticipantState.Completed, 15)),
            [], weekToday: 3);

        // Invitation 60, enrolment 45 (all but the 15 invited or declined), then the 41 onboarded: the 26 still in week 3
        // reached weeks 2–4; the 15 who completed went through every stage.
        Assert.Equal([60, 45, 41, 41, 41, 15, 15], funnel.Select(s => s.Reached));
        Assert.Equal([5, 0, 0, 0, 0, 0, 0], funnel.Select(s => s.LostHere));
    }

    [Fact]
    public void Drop_outs_and_withdrawals_count_up_to_the_stage_of_the_week_they_left()
    {
        var funnel = CohortFunnel.Build(
            States((ParticipantState.Active, 10), (ParticipantState.DroppedOut, 6), (ParticipantState.Withdrawn, 2)),
            [
                new ExitCount { State = ParticipantState.Onboarding, Week = 0, Count = 3 },
                new ExitCount { State = ParticipantState.AtRisk, Week = 3, Count = 3 },
                new ExitCount { State = ParticipantState.Invited, Week = 0, Count = 2 },
            ],
            weekToday: 6);

        Assert.Equal([18, 16, 16, 13, 13, 10, 0], funnel.Select(s => s.Reached));
        Assert.Equal([2, 0, 3, 0, 3, 0, 0], funnel.Select(s => s.LostHere));
        // Of the 13 who left weeks 2–4 (10 moved on, 3 lost), 10 reached weeks 5–12.
        Assert.Equal((10, 13), (funnel[5].Converted, funnel[5].OutOf));
    }

    [Fact]
    public void An_empty_cohort_has_an_empty_funnel()
    {
        var funnel = CohortFunnel.Build(States(), [], 0);

        Assert.All(funnel, step => Assert.Equal(0, step.Reached));
        Assert.Equal(Enum.GetValues<FunnelStage>(), funnel.Select(s => s.Stage));
    }
}
