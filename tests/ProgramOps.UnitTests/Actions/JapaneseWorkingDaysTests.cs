using ProgramOps.Web.Features.Actions;

namespace ProgramOps.UnitTests.Actions;

public sealed class JapaneseWorkingDaysTests
{
    /// <summary>The national holidays of 2026 as the Cabinet Office lists them (内閣府「国民の祝日について」).</summary>
    private static readonly string[] Holidays2026 =
    [
        "2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29", "2026-05-03", "2026-05-04",
        "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11", "2026-09-21", "2026-09-22", "2026-09-23", "2026-10-12",
        "2026-11-03", "2026-11-23",
    ];

    [Fact]
    public void The_holidays_of_2026_are_exactly_the_cabinet_offices_list()
    {
        var found = Enumerable.Range(0, 365).Select(i => new DateOnly(2026, 1, 1).AddDays(i)).Where(JapaneseWorkingDays.IsHoliday)
            .Select(d => d.ToString("yyyy-MM-dd")).ToList();

        Assert.Equal(Holidays2026, found);
    }

    [Theory]
    [InlineData("2027-03-21")] // 春分の日 on a Sunday
    [InlineData("2027-03-22")] // … and its substitute
    [InlineData("2027-09-23")] // 秋分の日
    [InlineData("2025-02-24")] // 天皇誕生日 on a Sunday → Monday
    public void Equinoxes_and_substitute_holidays_of_other_years_are_holidays(string day)
    {
        Assert.True(JapaneseWorkingDays.IsHoliday(DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData("2026-11-30", 2, "2026-12-02")] // Monday → Wednesday
    [InlineData("2026-11-27", 2, "2026-12-01")] // Friday: the weekend does not count
    [InlineData("2026-05-01", 2, "2026-05-08")] // Golden Week: 5/2–5/6 are not working days
    [InlineData("2026-12-25", 2, "2027-01-04")] // the year-end closure 12/29–1/3
    [InlineData("2026-11-28", 0, "2026-11-30")] // from a Saturday, the next working day
    public void Working_days_are_counted_past_weekends_holidays_and_the_year_end(string from, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), JapaneseWorkingDays.Add(DateOnly.Parse(from), days));
    }

    [Fact]
    public void A_day_on_a_holiday_moves_back_to_the_last_working_day_before_it()
    {
        Assert.Equal(new DateOnly(2026, 12, 28), JapaneseWorkingDays.OnOrBefore(new DateOnly(2027, 1, 3)));
        Assert.Equal(new DateOnly(2026, 11, 30), JapaneseWorkingDays.OnOrBefore(new DateOnly(2026, 11, 30)));
    }
}
