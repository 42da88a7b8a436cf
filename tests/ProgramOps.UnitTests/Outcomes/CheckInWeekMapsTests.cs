using ProgramOps.Web.Features.Outcomes;
using static ProgramOps.Web.Features.Outcomes.CheckInWeekMaps;

namespace ProgramOps.UnitTests.Outcomes;

public sealed class CheckInWeekMapsTests
{
    [Fact]
    public void A_map_names_the_weeks_its_flags_are_set_for()
    {
        Assert.Equal([2, 3, 6], WeeksOf("011001"));
        Assert.Empty(WeeksOf(""));
    }

    [Fact]
    public void Check_ins_count_per_week_only_while_the_person_had_not_left()
    {
        var groups = new[]
        {
            new PeopleByMap { Weeks = "1111", People = 10 },
            // Dropped out in week 2, yet the app sent a week-4 check-in: it does not count as taking part.
            new PeopleByMap { Weeks = "1101", LeftInWeek = 2, People = 3 },
            new PeopleByMap { Weeks = "01", LeftInWeek = 4, People = 2 },
        };

        Assert.Equal(new Dictionary<int, int> { [1] = 13, [2] = 15, [3] = 10, [4] = 10 }, CheckedInPerWeek(groups));
    }

    [Fact]
    public void A_team_is_active_in_a_week_when_enough_of_its_members_checked_in_during_it()
    {
        var members = new[]
        {
            new TeamMembersByMap { TeamId = 1, Weeks = "11", People = 2 },
            new TeamMembersByMap { TeamId = 1, Weeks = "101", People = 1 },
            new TeamMembersByMap { TeamId = 2, Weeks = "111", People = 3 },
            new TeamMembersByMap { TeamId = 3, Weeks = "001", People = 2 },
        };

        Assert.Equal(new Dictionary<int, int> { [1] = 2, [2] = 1, [3] = 1 }, ActiveTeamsPerWeek(members, minActive: 3));
    }
}
