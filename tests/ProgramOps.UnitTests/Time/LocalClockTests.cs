using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.UnitTests.Time;

public sealed class LocalClockTests
{
    private static readonly LocalClock Tokyo = new(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    [Fact]
    public void A_day_starts_at_local_midnight_and_ends_at_the_next()
    {
        var day = new DateOnly(2026, 11, 30);

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero), Tokyo.StartOf(day));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), Tokyo.EndOf(day));
    }

    [Fact]
    public void The_calendars_first_and_last_days_stand_for_any_time_before_and_after()
    {
        Assert.Equal(DateTimeOffset.MinValue, Tokyo.StartOf(DateOnly.MinValue));
        Assert.Equal(DateTimeOffset.MaxValue, Tokyo.EndOf(DateOnly.MaxValue));
    }
}
