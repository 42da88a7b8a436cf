using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Initiatives;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.UnitTests.Initiatives;

/// <summary>The decay rule over simulated weekly series of an initiative's effect (treatment against control).</summary>
public sealed class DecayRuleTests
{
    [Fact]
    public void A_steady_effect_never_wears_off()
    {
        var series = Weeks(12, _ => Effect(240, 400, 160, 400));

        Assert.DoesNotContain(true, Watch(series));
    }

    [Fact]
    public void A_fading_effect_wears_off_from_the_week_it_falls_below_half_its_first_effect()
    {
        // The treatment rate falls from 60 % towards the control's 40 %: an effect of 0.20 shrinking by a fifth each week.
        var series = Weeks(12, week => Effect(160 + (int)Math.Round(80 * Math.Pow(0.8, week)), 400, 160, 400));

        var alarms = Watch(series);

        var firstAlarm = Array.IndexOf(alarms, true);
        Assert.Equal(4, firstAlarm); // 0.8^4 = 0.41: the first week under half of 0.20
        Assert.All(alarms[firstAlarm..], Assert.True);
        Assert.All(series[firstAlarm..], e => Assert.True(e.Difference < 0.10));
    }

    [Fact]
    public void A_noisy_but_real_effect_on_large_groups_does_not_raise_false_alarms()
    {
        var random = new Random(20261130);
        var series = Weeks(12, _ => Effect(Draw(random, 400, 0.6), 400, Draw(random, 400, 0.4), 400));

        Assert.DoesNotContain(true, Watch(series));
    }

    [Fact]
    public void A_noisy_effect_on_small_groups_wears_off_once_its_interval_reaches_zero()
    {
        var random = new Random(7);
        var series = Weeks(12, _ => Effect(Draw(random, 20, 0.6), 20, Draw(random, 20, 0.4), 20));

        var alarms = Watch(series);

        Assert.Contains(true, alarms);
        Assert.All(series.Zip(alarms).Where(p => p.Second && p.First.Difference >= series[0].Difference / 2),
            p => Assert.True(p.First.Lower <= 0));
    }

    [Fact]
    public void An_effect_that_recovers_is_no_longer_wearing_off()
    {
        var first = Effect(240, 400, 160, 400);

        Assert.True(DecayRule.IsWearingOff(first, Effect(175, 400, 160, 400), DecayRule.DefaultShare));
        Assert.False(DecayRule.IsWearingOff(first, Effect(235, 400, 160, 400), DecayRule.DefaultShare));
    }

    [Fact]
    public void The_share_is_set_per_initiative()
    {
        var first = Effect(240, 400, 160, 400); // 0.20
        var latest = Effect(220, 400, 160, 400); // 0.15, interval clear of zero

        Assert.False(DecayRule.IsWearingOff(first, latest, 0.5));
        Assert.True(DecayRule.IsWearingOff(first, latest, 0.8));
    }

    [Fact]
    public void An_initiative_that_never_showed_an_effect_is_judged_on_its_interval_alone()
    {
        var first = Effect(150, 400, 160, 400);

        Assert.True(DecayRule.IsWearingOff(first, first, DecayRule.DefaultShare));
        Assert.False(DecayRule.IsWearingOff(first, Effect(240, 400, 160, 400), DecayRule.DefaultShare));
    }

    private static RateDifference Effect(int treated, int treatedTotal, int control, int controlTotal) =>
        RateDifference.Between(new Rate(treated, treatedTotal), new Rate(control, controlTotal))!;

    private static RateDifference[] Weeks(int count, Func<int, RateDifference> effectInWeek) => Enumerable.Range(0, count).Select(effectInWeek).ToArray();

    private static bool[] Watch(RateDifference[] series) => series.Select(e => DecayRule.IsWearingOff(series[0], e, DecayRule.DefaultShare)).ToArray();

    private static int Draw(Random random, int people, double rate) => Enumerable.Range(0, people).Count(_ => random.NextDouble() < rate);
}
