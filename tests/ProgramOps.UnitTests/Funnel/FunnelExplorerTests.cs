using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.UnitTests.Funnel;

/// <summary>Adding up the database's groups: the funnel's steps and the weekly check-in curve, by hand on a small case.</summary>
public sealed class FunnelExplorerTests
{
    private const int X = 1;
    private const int Y = 2;

    [Fact]
    public void Groups_are_placed_and_the_curve_counts_starters_of_cohorts_that_reached_each_week()
    {
        // Cohort X is in program week 3 today; cohort Y starts next week.
        var weekToday = new Dictionary<int, int> { [X] = 3, [Y] = 0 };
        FunnelExplorer.PlaceGroup[] places =
        [
            new() { CohortId = X, State = ParticipantState.Active, People = 6, W1 = 6, W2 = 5, W3 = 4 },
            new() { CohortId = X, State = ParticipantState.DroppedOut, ExitedFrom = ParticipantState.AtRisk, ExitWeek = 2, People = 4, W1 = 3 },
            new() { CohortId = X, State = ParticipantState.InvitationExpired, People = 2 },
            // A check-in marked in a week the cohort has not reached is not counted.
            new() { CohortId = Y, State = ParticipantState.Onboarding, People = 5, W1 = 1 },
        ];

        var reading = FunnelExplorer.Read(places, weekToday);

        Assert.Equal([17, 15, 15, 10, 10, 0, 0], reading.Steps.Select(s => s.Reached));
        // 15 of the 17 whose invitation is decided enrolled (2 let it expire).
        Assert.Equal((15, 17), (reading.Conversion(FunnelStage.Enrolment)!.Count, reading.Conversion(FunnelStage.Enrolment)!.Total));
        // Weeks 2–4 decided 4 people, all lost: none reached weeks 5–12, the worst step.
        Assert.Equal((0, 4), (reading.Conversion(FunnelStage.Weeks5To12)!.Count, reading.Conversion(FunnelStage.Weeks5To12)!.Total));
        Assert.Equal(FunnelStage.Weeks5To12, reading.Worst);
        // Weeks 1–3 of cohort X: its 10 starters each week (the 4 who left in week 2 count as not checked in in week 3); Y has not started.
        Assert.Equal([(1, 9, 10), (2, 5, 10), (3, 4, 10)], reading.CheckIns.Select(c => (c.Week, c.CheckedIn.Count, c.CheckedIn.Total)));
    }
}
