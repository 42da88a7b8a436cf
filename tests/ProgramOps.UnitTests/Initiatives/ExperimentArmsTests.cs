using ProgramOps.Web.Features.Initiatives;

namespace ProgramOps.UnitTests.Initiatives;

public sealed class ExperimentArmsTests
{
    private static readonly long[] Teams = Enumerable.Range(101, 11).Select(i => (long)i).ToArray();

    [Fact]
    public void The_same_seed_gives_the_same_arms_whatever_order_the_teams_come_in()
    {
        var first = ExperimentArms.Assign(Teams, seed: 42);
        var again = ExperimentArms.Assign(Teams.Reverse().ToArray(), seed: 42);

        Assert.Equal(first.Treatment, again.Treatment);
        Assert.Equal(first.Control, again.Control);
    }

    [Fact]
    public void Different_seeds_give_different_arms()
    {
        var arms = Enumerable.Range(1, 20).Select(seed => string.Join(",", ExperimentArms.Assign(Teams, seed).Treatment)).Distinct();

        Assert.True(arms.Count() > 15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(11)]
    public void The_arms_are_balanced_and_every_team_is_in_exactly_one(int teamCount)
    {
        var teams = Teams.Take(teamCount).ToArray();
        for (var seed = 0; seed < 50; seed++)
        {
            var (treatment, control) = ExperimentArms.Assign(teams, seed);

            Assert.InRange(treatment.Count - control.Count, 0, 1);
            Assert.Equal(teams.Order(), treatment.Concat(control).Order());
        }
    }

    [Fact]
    public void Every_team_lands_in_treatment_about_half_the_time()
    {
        var inTreatment = Teams.Take(10).ToDictionary(t => t, _ => 0);
        for (var seed = 0; seed < 1000; seed++)
            foreach (var team in ExperimentArms.Assign(Teams.Take(10).ToArray(), seed).Treatment) inTreatment[team]++;

        Assert.All(inTreatment.Values, count => Assert.InRange(count, 420, 580));
    }
}
