using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Initiatives;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.UnitTests.Initiatives;

public sealed class DecayWatchTests
{
    [Fact]
    public void Each_point_pools_the_weeks_of_its_window_and_is_judged_against_the_first()
    {
        // Window of two weeks: week 1 pools 64/100 against 40/100 (0.24), week 2 60/100 against 40/100 (0.20, more than
        // half of 0.24 and clear of zero), week 3 48/100 against 40/100 (0.08, under half of 0.24).
        var weeks = new[] { People(30, 50, 20, 50), People(34, 50, 20, 50), People(26, 50, 20, 50), People(22, 50, 20, 50) };

        var points = DecayWatch.Points(weeks, window: 2, byTeam: false, share: 0.5);

        Assert.Equal([1, 2, 3], points.Select(p => p.Week));
        Assert.Equal(RateDifference.Between(new Rate(64, 100), new Rate(40, 100)), points[0].Effect);
        Assert.Equal(0.20, points[1].Effect.Difference, 10);
        Assert.Equal(0.08, points[2].Effect.Difference, 10);
        Assert.Equal([false, false, true], points.Select(p => p.WearingOff));
    }

    [Fact]
    public void A_team_experiment_sums_each_team_over_the_window_and_compares_team_rates()
    {
        var weeks = new[]
        {
            new WeekCounts(Teams((1, 2, 5), (2, 4, 5)), Teams((3, 1, 5), (4, 2, 5))),
            new WeekCounts(Teams((1, 3, 5), (2, 3, 5)), Teams((3, 2, 5), (4, 2, 5))),
        };

        var point = Assert.Single(DecayWatch.Points(weeks, window: 2, byTeam: true, share: 0.5));

        Assert.Equal(ClusterEffect.Between([new Rate(5, 10), new Rate(7, 10)], [new Rate(3, 10), new Rate(4, 10)]), point.Effect);
    }

    [Fact]
    public void A_week_with_an_empty_arm_gives_no_point()
    {
        var weeks = new[] { People(30, 50, 20, 50), new WeekCounts(new Dictionary<long, Rate>(), new Dictionary<long, Rate>()), People(30, 50, 20, 50) };

        Assert.Equal([0, 2], DecayWatch.Points(weeks, window: 1, byTeam: false, share: 0.5).Select(p => p.Week));
    }

    [Theory]
    [InlineData(true, false, WatchAction.Open)]
    [InlineData(true, true, WatchAction.None)]
    [InlineData(false, true, WatchAction.Resolve)]
    [InlineData(false, false, WatchAction.None)]
    public void The_action_opens_when_the_effect_wears_off_and_is_resolved_when_it_recovers(bool wearingOff, bool actionOpen, WatchAction expected)
    {
        var point = new EffectPoint(5, new RateDifference(0.1, 0.05, 0.15), wearingOff);

        Assert.Equal(expected, DecayWatch.ActionFor(point, actionOpen));
    }

    [Fact]
    public void Without_a_point_nothing_changes()
    {
        Assert.Equal(WatchAction.None, DecayWatch.ActionFor(null, actionOpen: true));
    }

    private static WeekCounts People(int treated, int treatedTotal, int control, int controlTotal) =>
        new(Teams((0, treated, treatedTotal)), Teams((0, control, controlTotal)));

    private static Dictionary<long, Rate> Teams(params (long Team, int Count, int Total)[] teams) =>
        teams.ToDictionary(t => t.Team, t => new Rate(t.Count, t.Total));
}
