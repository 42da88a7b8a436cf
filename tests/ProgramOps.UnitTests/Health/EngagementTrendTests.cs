using ProgramOps.Web.Features.Health;

namespace ProgramOps.UnitTests.Health;

public sealed class EngagementTrendTests
{
    private static readonly DateOnly Start = new(2026, 10, 5);

    [Fact]
    public void Recent_two_weeks_against_the_two_before_worked_by_hand()
    {
        // Day 35: five weeks complete. 10 people: 6 checked in every week ("11111"), 4 stopped after week 3 ("111").
        // Weeks 4–5: 6 of 10 = 60 %; weeks 2–3: 100 %; the trend is −40 points.
        var trend = EngagementTrend.Of(Start, Start.AddDays(35), [("11111", 6), ("111", 4)]);

        Assert.Equal(-0.40, trend!.Value, 6);
    }

    [Fact]
    public void Unknown_before_four_complete_weeks_or_for_fewer_than_five_people()
    {
        Assert.Null(EngagementTrend.Of(Start, Start.AddDays(27), [("1111", 10)]));
        Assert.Null(EngagementTrend.Of(Start, Start.AddDays(35), [("11111", EngagementTrend.MinimumPeople - 1)]));
        Assert.Equal(0.0, EngagementTrend.Of(Start, Start.AddDays(28), [("1111", 5)])!.Value, 6);
    }

    [Fact]
    public void Snapshot_weeks_start_on_monday_in_the_local_calendar()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), HealthSnapshotJob.WeekOf(new DateOnly(2026, 11, 30)));
        Assert.Equal(new DateOnly(2026, 11, 30), HealthSnapshotJob.WeekOf(new DateOnly(2026, 12, 6)));
    }
}
