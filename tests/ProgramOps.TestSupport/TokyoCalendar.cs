using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.TestSupport;

/// <summary>
/// Today as the console reckons it with its default zone (Asia/Tokyo), for tests that seed dates relative to today. A
/// test that compares such a date with what the console computed reads today once: a run near midnight in Tokyo
/// (15:00 UTC) would otherwise see two different days.
/// </summary>
public static class TokyoCalendar
{
    private static readonly LocalClock Clock = new(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(new TimeZoneOptions().TimeZone));

    public static DateOnly Today => Clock.Today;
}
