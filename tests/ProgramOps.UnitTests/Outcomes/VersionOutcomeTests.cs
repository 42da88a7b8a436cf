using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.UnitTests.Outcomes;

/// <summary>A version's ITT rate counted from report groups, and the difference of two versions (Newcombe 1998, Table II, example a).</summary>
public sealed class VersionOutcomeTests
{
    private static ParticipantGroup Group(ParticipantState state, int people, ParticipantOutcome? outcome = null) => new()
    {
        Enrolled = state != ParticipantState.Invited,
        State = state,
        ExitedFrom = state == ParticipantState.DroppedOut ? ParticipantState.Active : null,
        Outcome = outcome,
        StateChangedWeek = state switch { ParticipantState.Completed => 12, ParticipantState.DroppedOut => 3, _ => 0 },
        LastCheckInWeek = state switch { ParticipantState.Completed => 12, ParticipantState.DroppedOut => 2, _ => null },
        People = people,
    };

    /// <summary>A version whose enrolled people quit, completed without quitting or dropped out; five more were invited and never enrolled.</summary>
    private static VersionOutcome Version(int quit, int notQuit, int droppedOut, int cohorts = 2) => VersionOutcome.Count(
        [
            Group(ParticipantState.Invited, 5),
            Group(ParticipantState.Completed, quit, ParticipantOutcome.Succeeded),
            Group(ParticipantState.Completed, notQuit, ParticipantOutcome.NotSucceeded),
            Group(ParticipantState.DroppedOut, droppedOut),
        ], OutcomeKind.Abstinence, 12, cohorts);

    [Fact]
    public void The_rate_is_intention_to_treat_with_everyone_lost_to_follow_up_counted_as_not_quit()
    {
        var outcome = Version(quit: 56, notQuit: 6, droppedOut: 8);

        Assert.Equal(70, outcome.Enrolled);
        Assert.Equal(62, outcome.Completed);
        Assert.Equal(new Rate(56, 70), outcome.Itt);
        Assert.Equal(2, outcome.Cohorts);
    }

    [Fact]
    public void The_difference_of_two_versions_is_Newcombes_interval_of_their_ITT_rates()
    {
        var d = VersionOutcome.Difference(Version(quit: 56, notQuit: 6, droppedOut: 8), Version(quit: 48, notQuit: 12, droppedOut: 20))!;

        Assert.Equal(0.2000, d.Difference, 4);
        Assert.Equal(0.0524, d.Lower, 4);
        Assert.Equal(0.3339, d.Upper, 4);
    }

    [Fact]
    public void A_version_with_fewer_than_k_enrolled_shows_no_rate_and_no_difference()
    {
        var small = VersionOutcome.Count([Group(ParticipantState.Completed, 4, ParticipantOutcome.Succeeded)], OutcomeKind.Abstinence, 12, 1);

        Assert.Null(small.Enrolled);
        Assert.Null(small.Itt);
        Assert.Null(VersionOutcome.Difference(Version(quit: 56, notQuit: 6, droppedOut: 8), small));
    }

    [Fact]
    public void A_version_no_cohort_ran_on_has_no_rate()
    {
        var empty = VersionOutcome.Count([], OutcomeKind.Abstinence, 12, 0);

        Assert.Equal(0, empty.Enrolled);
        Assert.Null(empty.Itt);
    }
}
