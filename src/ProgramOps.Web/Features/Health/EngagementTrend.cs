namespace ProgramOps.Web.Features.Health;

/// <summary>
/// Whether a running cohort's people are checking in more or less: the share of the enrolled who checked in, averaged
/// over the last two complete program weeks, minus that over the two weeks before (in points of share, −1 to 1).
/// Unknown before four weeks are complete, or for fewer than <see cref="MinimumPeople"/> people.
/// </summary>
public static class EngagementTrend
{
    public const int MinimumPeople = 5;

    /// <param name="maps">Check-in week maps ('0110' = weeks 2 and 3) with how many people have each.</param>
    public static double? Of(DateOnly cohortStart, DateOnly today, IReadOnlyCollection<(string Weeks, int People)> maps)
    {
        var completeWeeks = (today.DayNumber - cohortStart.DayNumber) / 7;
        var people = maps.Sum(m => m.People);
        if (completeWeeks < 4 || people < MinimumPeople) return null;
        double Share(int week) => (double)maps.Where(m => m.Weeks.Length >= week && m.Weeks[week - 1] == '1').Sum(m => m.People) / people;
        var recent = (Share(completeWeeks) + Share(completeWeeks - 1)) / 2;
        var before = (Share(completeWeeks - 2) + Share(completeWeeks - 3)) / 2;
        return recent - before;
    }
}
