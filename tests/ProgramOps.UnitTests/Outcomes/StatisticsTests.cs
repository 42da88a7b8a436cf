using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.UnitTests.Outcomes;

public sealed class StatisticsTests
{
    [Fact]
    public void Wilson_interval_of_the_published_quit_rate_is_43_9_to_52_5_percent()
    {
        var interval = WilsonInterval.For(248, 515);

        Assert.Equal(0.439, Math.Round(interval.Lower, 3));
        Assert.Equal(0.525, Math.Round(interval.Upper, 3));
    }

    [Fact]
    public void Wilson_interval_stays_inside_0_to_1_at_the_edges()
    {
        // By hand: with p = 0 the upper end is z²/(n + z²) = 3.8415/13.8415.
        Assert.Equal((0.0, 0.2775), Rounded(WilsonInterval.For(0, 10)));
        Assert.Equal((0.7225, 1.0), Rounded(WilsonInterval.For(10, 10)));
        Assert.Equal(new WilsonInterval(0, 0), WilsonInterval.For(0, 0));
    }

    [Fact]
    public void Itt_counts_everyone_enrolled_and_the_completer_rate_only_those_who_answered()
    {
        var outcome = new QuitOutcome(Enrolled: 120, Answered: 80, Succeeded: 60, CoVerified: 25);

        Assert.Equal(0.5, outcome.IntentionToTreat.Share);
        Assert.Equal(0.75, outcome.Completer.Share);
        Assert.Equal(40, outcome.LostToFollowUp);
        Assert.Equal(new Rate(25, 120), outcome.Verified);
    }

    [Theory]
    [InlineData(-2.0, -2.0, BodyMeasureResult.Success)]
    [InlineData(-3.5, -2.1, BodyMeasureResult.Success)]
    [InlineData(-2.0, -1.0, BodyMeasureResult.Partial)]
    [InlineData(-1.0, -1.5, BodyMeasureResult.Partial)]
    [InlineData(-5.0, -0.5, BodyMeasureResult.NotAchieved)]
    [InlineData(0.5, -3.0, BodyMeasureResult.NotAchieved)]
    public void Weight_success_needs_both_losses_and_a_partial_is_counted_apart(double kg, double cm, BodyMeasureResult expected) =>
        Assert.Equal(expected, BodyMeasureResults.Classify((decimal)kg, (decimal)cm));

    [Fact]
    public void A_missing_weight_or_waist_answer_achieves_nothing() =>
        Assert.Equal(BodyMeasureResult.NotAchieved, BodyMeasureResults.Classify(-3m, null));

    [Fact]
    public void Nps_is_promoters_minus_detractors_over_everyone_who_answered()
    {
        // 3 promoters (9, 10, 10), 2 passives (7, 8), 5 detractors (0, 3, 5, 6, 6): (3 − 5) / 10 = −20.
        var nps = NetPromoterScore.From(new[] { 9, 10, 10, 7, 8, 0, 3, 5, 6, 6 }.Select(s => (s, 1)));

        Assert.Equal((10, 3, 2, 5), (nps.Respondents, nps.Promoters, nps.Passives, nps.Detractors));
        Assert.Equal(-20.0, nps.Score);
        Assert.Equal([1, 0, 0, 1, 0, 1, 2, 1, 1, 1, 2], nps.Distribution);
        Assert.Null(NetPromoterScore.From([]).Score);
    }

    [Fact]
    public void Kaplan_meier_worked_by_hand()
    {
        // 10 enrolled. Week 2: one drops out. Week 3: one withdraws (censored). Week 4: two drop out. Week 12: the 6
        // left complete (censored). By hand: S(2) = 1 − 1/10 = 0.9; S(3) = 0.9 (nobody dropped out, 9 at risk);
        // S(4) = 0.9 × (1 − 2/8) = 0.675; S(12) = 0.675 with 6 at risk.
        var steps = KaplanMeier.Estimate(10,
        [
            new WeekExits(1, 1, 0, 0), new WeekExits(2, 2, 1, 0), new WeekExits(3, 3, 0, 1),
            new WeekExits(4, 4, 2, 0), new WeekExits(5, 11, 0, 0), new WeekExits(12, 12, 0, 6),
        ]);

        Assert.Equal([10, 10, 9, 8, 6, 6], steps.Select(s => s.AtRisk));
        Assert.Equal([1.0, 0.9, 0.9, 0.675, 0.675, 0.675], steps.Select(s => Math.Round(s.Surviving, 6)));
    }

    [Fact]
    public void Kaplan_meier_refuses_more_leaving_than_were_at_risk() =>
        Assert.Throws<ArgumentException>(() => KaplanMeier.Estimate(2, [new WeekExits(1, 1, 2, 1)]));

    [Fact]
    public void Coarsened_spans_hold_no_drop_out_or_censored_group_smaller_than_k()
    {
        var weeks = new[] { (0, 0), (2, 0), (3, 0), (0, 1), (6, 0), (1, 0), (0, 20) }
            .Select((w, i) => new WeekExits(i + 1, i + 1, w.Item1, w.Item2)).ToList();

        var spans = KaplanMeier.Coarsen(weeks, 5);

        Assert.Equal([(1, 1), (2, 3), (4, 7)], spans.Select(s => (s.FromWeek, s.ToWeek)));
        Assert.All(spans, s => Assert.True(s.DroppedOut is 0 or >= 5 && s.Censored is 0 or >= 5, s.ToString()));
        Assert.Equal(weeks.Sum(w => w.Left), spans.Sum(s => s.Left));
    }

    private static (double, double) Rounded(WilsonInterval interval) => (Math.Round(interval.Lower, 4), Math.Round(interval.Upper, 4));
}
