namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// Weekly engagement from participants' check-in week maps ('0110' = checked in during weeks 2 and 3), grouped by the
/// database: the map is the participant's own record of the weeks they checked in, kept as check-ins arrive.
/// </summary>
public static class CheckInWeekMaps
{
    public sealed class PeopleByMap
    {
        public string Weeks { get; init; } = "";
        /// <summary>The program week the person completed, dropped out or withdrew; null while taking part.</summary>
        public int? LeftInWeek { get; init; }
        public int People { get; init; }
    }

    public sealed class TeamMembersByMap
    {
        public int TeamId { get; init; }
        public string Weeks { get; init; } = "";
        public int People { get; init; }
    }

    /// <summary>Per program week, the people who checked in during it and had not left before it.</summary>
    public static Dictionary<int, int> CheckedInPerWeek(IEnumerable<PeopleByMap> groups)
    {
        var perWeek = new Dictionary<int, int>();
        foreach (var group in groups)
        {
            foreach (var week in WeeksOf(group.Weeks))
            {
                if (group.LeftInWeek is { } left && left < week) continue;
                perWeek[week] = perWeek.GetValueOrDefault(week) + group.People;
            }
        }

        return perWeek;
    }

    /// <summary>Per program week, the teams with at least <paramref name="minActive"/> members checking in during it.</summary>
    public static Dictionary<int, int> ActiveTeamsPerWeek(IEnumerable<TeamMembersByMap> members, int minActive)
    {
        var perWeek = new Dictionary<int, int>();
        foreach (var team in members.GroupBy(m => m.TeamId))
        {
            var active = new Dictionary<int, int>();
            foreach (var group in team)
            {
                foreach (var week in WeeksOf(group.Weeks)) active[week] = active.GetValueOrDefault(week) + group.People;
            }

            foreach (var (week, people) in active)
            {
                if (people >= minActive) perWeek[week] = perWeek.GetValueOrDefault(week) + 1;
            }
        }

        return perWeek;
    }

    public static IEnumerable<int> WeeksOf(string map)
    {
        for (var i = 0; i < map.Length; i++)
        {
            if (map[i] == '1') yield return i + 1;
        }
    }
}
