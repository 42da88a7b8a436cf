using ProgramOps.Web.Features.Health;

namespace ProgramOps.UnitTests.Health;

public sealed class HealthScoreTests
{
    private static Dictionary<HealthSignal, int> Weights(int each = 10) => Enum.GetValues<HealthSignal>().ToDictionary(s => s, _ => each);

    [Fact]
    public void The_score_is_the_weighted_mean_of_the_known_signals_and_the_points_add_up_to_it()
    {
        // Participation 4 % of eligible → 0.5; decision maker on file → 1; 3 open requests → 0; the rest unknown.
        // Equal weights over the three known signals: (0.5 + 1 + 0) ÷ 3 = 50.
        var values = new Dictionary<HealthSignal, double?>
        {
            [HealthSignal.Participation] = 0.04,
            [HealthSignal.DecisionMaker] = 1,
            [HealthSignal.ClientRequests] = 3,
        };

        var health = HealthScore.Of(values, Weights())!;

        Assert.Equal(50, health.Score);
        Assert.Equal(health.Score, health.Parts.Sum(p => p.Points), 6);
        Assert.Equal(100.0 / 3 * 0.5, health.Parts.Single(p => p.Signal == HealthSignal.Participation).Points, 6);
        Assert.Null(health.Parts.Single(p => p.Signal == HealthSignal.Nps).Score);
        Assert.Equal(HealthSignal.ClientRequests, health.Weakest());
        Assert.Equal(HealthBand.Watch, health.Band);
    }

    [Fact]
    public void Weights_decide_how_much_each_signal_counts()
    {
        var values = new Dictionary<HealthSignal, double?> { [HealthSignal.DecisionMaker] = 0, [HealthSignal.Enrolment] = 1.2 };
        var weights = Weights(0);
        weights[HealthSignal.DecisionMaker] = 30;
        weights[HealthSignal.Enrolment] = 10;

        var health = HealthScore.Of(values, weights)!;

        // (30 × 0 + 10 × 1) ÷ 40 = 25: no decision maker weighs three times as much; over 100 % enrolment scores 1.
        Assert.Equal(25, health.Score);
        Assert.Equal(HealthBand.AtRisk, health.Band);
    }

    [Fact]
    public void A_signal_weighted_zero_or_with_no_value_is_not_counted_and_nothing_known_is_no_score()
    {
        Assert.Null(HealthScore.Of(new Dictionary<HealthSignal, double?> { [HealthSignal.Nps] = null }, Weights()));
        Assert.Null(HealthScore.Of(new Dictionary<HealthSignal, double?> { [HealthSignal.Nps] = 40 }, Weights(0)));
    }

    [Theory]
    [InlineData(HealthSignal.Participation, 0.08, 1.0)]
    [InlineData(HealthSignal.Participation, 0.02, 0.25)]
    [InlineData(HealthSignal.Enrolment, 1.35, 1.0)]
    [InlineData(HealthSignal.Engagement, -0.10, 0.0)]
    [InlineData(HealthSignal.Engagement, 0.0, 0.5)]
    [InlineData(HealthSignal.Outcome, 0.05, 0.75)]
    [InlineData(HealthSignal.Nps, 20, 0.6)]
    [InlineData(HealthSignal.LastTouch, 30, 1.0)]
    [InlineData(HealthSignal.LastTouch, 60, 0.5)]
    [InlineData(HealthSignal.LastTouch, 120, 0.0)]
    [InlineData(HealthSignal.ClientRequests, 1, 2.0 / 3)]
    [InlineData(HealthSignal.Renewal, 45, 0.25)]
    [InlineData(HealthSignal.Renewal, 400, 1.0)]
    public void Each_signal_scores_by_its_stated_rule(HealthSignal signal, double value, double score) =>
        Assert.Equal(score, SignalScoring.Score(signal, value), 6);
}
