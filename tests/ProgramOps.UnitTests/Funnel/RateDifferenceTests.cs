using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.UnitTests.Funnel;

/// <summary>Newcombe's hybrid score interval against the worked examples of Newcombe (1998), Table II, method 10.</summary>
public sealed class RateDifferenceTests
{
    [Theory]
    [InlineData(56, 70, 48, 80, 0.2000, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.6000, 0.1705, 0.8090)]
    [InlineData(5, 56, 0, 29, 0.0893, -0.0381, 0.1926)]
    public void The_interval_matches_the_published_examples(int x1, int n1, int x2, int n2, double difference, double lower, double upper)
    {
        var d = RateDifference.Between(new Rate(x1, n1), new Rate(x2, n2))!;

        Assert.Equal(difference, d.Difference, 4);
        Assert.Equal(lower, d.Lower, 4);
        Assert.Equal(upper, d.Upper, 4);
    }

    [Fact]
    public void An_interval_that_crosses_zero_does_not_exclude_it()
    {
        Assert.True(RateDifference.Between(new Rate(56, 70), new Rate(48, 80))!.Excludes0);
        Assert.False(RateDifference.Between(new Rate(5, 56), new Rate(0, 29))!.Excludes0);
    }

    [Fact]
    public void There_is_no_difference_without_people_on_both_sides()
    {
        Assert.Null(RateDifference.Between(new Rate(0, 0), new Rate(3, 10)));
    }
}
