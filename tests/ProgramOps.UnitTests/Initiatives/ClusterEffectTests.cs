using ProgramOps.Web.Features.Initiatives;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.UnitTests.Initiatives;

public sealed class ClusterEffectTests
{
    /// <summary>
    /// Worked by hand. Treatment team rates 3/5, 4/5, 2/5 (0.6, 0.8, 0.4; mean 0.6; sum of squares 0.08); control team
    /// rates 1/5, 2/5, 1/5 (0.2, 0.4, 0.2; mean 0.26667; sum of squares 0.026667). Pooled variance (0.08 + 0.026667) / 4 =
    /// 0.026667; standard error √(0.026667 · (1/3 + 1/3)) = 0.133333; t(0.975, 4) = 2.776445, half-width 0.370193:
    /// difference 0.33333, interval −0.03686 to 0.70353.
    /// </summary>
    [Fact]
    public void The_team_level_interval_matches_the_hand_worked_case()
    {
        var effect = ClusterEffect.Between(
            [new Rate(3, 5), new Rate(4, 5), new Rate(2, 5)],
            [new Rate(1, 5), new Rate(2, 5), new Rate(1, 5)])!;

        Assert.Equal(0.33333, effect.Difference, 5);
        Assert.Equal(-0.03686, effect.Lower, 5);
        Assert.Equal(0.70353, effect.Upper, 5);
        Assert.False(effect.Excludes0);
    }

    [Fact]
    public void Teams_not_people_carry_the_weight()
    {
        // The same 14 of 20 people against 6 of 20 look decisive person by person, but when they sit in two teams per arm
        // whose rates disagree, the teams' spread makes the interval wide.
        var effect = ClusterEffect.Between([new Rate(10, 10), new Rate(4, 10)], [new Rate(6, 10), new Rate(0, 10)])!;
        var personLevel = Web.Features.Funnel.RateDifference.Between(new Rate(14, 20), new Rate(6, 20))!;

        Assert.Equal(personLevel.Difference, effect.Difference, 10);
        Assert.True(personLevel.Excludes0);
        Assert.False(effect.Excludes0);
    }

    [Fact]
    public void Empty_teams_are_left_out_and_an_arm_needs_two_teams_with_a_rate()
    {
        Assert.Null(ClusterEffect.Between([new Rate(3, 5), new Rate(0, 0)], [new Rate(1, 5), new Rate(2, 5)]));
        Assert.NotNull(ClusterEffect.Between([new Rate(3, 5), new Rate(4, 5), new Rate(0, 0)], [new Rate(1, 5), new Rate(2, 5)]));
    }

    [Theory]
    [InlineData(1, 12.706205)]
    [InlineData(4, 2.776445)]
    [InlineData(30, 2.042272)]
    [InlineData(40, 2.021075)]
    [InlineData(60, 2.000298)]
    [InlineData(120, 1.979930)]
    public void The_t_multiplier_matches_published_tables(int degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile975(degreesOfFreedom), tolerance: 1e-5);
    }
}
