using ProgramOps.Web.Features.Teams;

namespace ProgramOps.UnitTests.Teams;

public sealed class TeamFormationTests
{
    private static readonly TeamSizeRule Rule = TeamSizeRule.SmokingProgram;

    public static TheoryData<int, int, int> Rules => new()
    {
        { 5, 4, 5 }, { 5, 5, 5 }, { 5, 3, 5 }, { 4, 3, 5 }, { 3, 2, 4 }, { 4, 4, 4 },
    };

    private static List<TeamCandidate> People(int count, int departments, int seed, double lateShare = 0.2)
    {
        var random = new Random(seed);
        return Enumerable.Range(1, count)
            .Select(i => new TeamCandidate(1000 + i, departments == 0 ? null : $"部署{random.Next(departments)}", random.NextDouble() < lateShare))
            .ToList();
    }

    [Theory]
    [InlineData(23, new[] { 5, 5, 5, 4, 4 })]
    [InlineData(10, new[] { 5, 5 })]
    [InlineData(12, new[] { 4, 4, 4 })]
    [InlineData(13, new[] { 5, 4, 4 })]
    [InlineData(0, new int[0])]
    public void Sizes_stay_in_range_and_near_the_target(int count, int[] expected) =>
        Assert.Equal(expected, TeamFormation.PlanSizes(count, Rule));

    // 5人1組: where teams of 4–5 are impossible, the shortfall goes into smaller teams, never a team of 6.
    [Theory]
    [InlineData(6, new[] { 3, 3 })]
    [InlineData(7, new[] { 4, 3 })]
    [InlineData(11, new[] { 4, 4, 3 })]
    [InlineData(3, new[] { 3 })]
    [InlineData(2, new[] { 2 })]
    [InlineData(1, new[] { 1 })]
    public void Counts_that_cannot_make_teams_of_four_or_five_make_smaller_teams_not_a_team_of_six(int count, int[] expected) =>
        Assert.Equal(expected, TeamFormation.PlanSizes(count, Rule));

    [Fact]
    public void No_count_ever_makes_a_team_larger_than_five()
    {
        for (var count = 1; count <= 2000; count++)
        {
            Assert.True(TeamFormation.PlanSizes(count, Rule).Max() <= TeamSizeRule.PeerTeamLimit, $"{count} people");
        }
    }

    [Fact]
    public void A_rule_allowing_teams_of_six_is_refused_and_one_stored_before_the_limit_reads_as_five()
    {
        var stored = new TeamSizeRule(5, 4, 6);

        Assert.False(stored.IsValid);
        Assert.Throws<ArgumentException>(() => TeamFormation.PlanSizes(10, stored));
        Assert.Equal(new TeamSizeRule(5, 4, 5), stored.WithinPeerTeamLimit());
        Assert.Equal(new TeamSizeRule(5, 5, 5), new TeamSizeRule(8, 6, 10).WithinPeerTeamLimit());
        Assert.Same(Rule, Rule.WithinPeerTeamLimit());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_count_up_to_200_is_split_into_balanced_teams_within_range_whenever_possible(int target, int min, int max)
    {
        var rule = new TeamSizeRule(target, min, max);
        for (var count = 1; count <= 200; count++)
        {
            var sizes = TeamFormation.PlanSizes(count, rule);

            Assert.Equal(count, sizes.Sum());
            Assert.True(sizes.Max() - sizes.Min() <= 1, $"{count}: unbalanced {string.Join(",", sizes)}");
            Assert.True(sizes.Max() <= max, $"{count}: {string.Join(",", sizes)} over {max}");
            var possible = Enumerable.Range(1, count).Any(k => (count + k - 1) / k <= max && count / k >= min);
            if (possible) Assert.True(sizes.All(s => s >= min && s <= max), $"{count}: {string.Join(",", sizes)} outside {min}–{max}");
        }
    }

    [Fact]
    public void Nobody_ends_up_in_a_team_of_one_or_two_when_there_are_enough_people()
    {
        for (var count = 3; count <= 500; count++)
        {
            Assert.True(TeamFormation.PlanSizes(count, Rule).Min() >= 3, $"{count} people");
        }
    }

    [Fact]
    public void Every_participant_is_placed_exactly_once()
    {
        for (var count = 0; count <= 120; count++)
        {
            var people = People(count, departments: 7, seed: count);

            var teams = TeamFormation.Form(people, Rule);

            Assert.Equal(people.Select(p => p.ParticipantId).Order(), teams.SelectMany(t => t).Select(p => p.ParticipantId).Order());
            Assert.Equal(TeamFormation.PlanSizes(count, Rule), teams.Select(t => t.Count).OrderByDescending(s => s));
        }
    }

    [Fact]
    public void The_same_people_in_any_order_give_the_same_teams()
    {
        var people = People(97, departments: 9, seed: 42);
        var shuffled = people.OrderBy(_ => Guid.NewGuid()).ToList();

        var first = TeamFormation.Form(people, Rule);
        var second = TeamFormation.Form(shuffled, Rule);

        Assert.Equal(
            first.Select(t => t.Select(p => p.ParticipantId).ToList()),
            second.Select(t => t.Select(p => p.ParticipantId).ToList()));
    }

    [Theory]
    [InlineData(23, 3)]
    [InlineData(50, 4)]
    [InlineData(100, 12)]
    [InlineData(1000, 30)]
    [InlineData(57, 1)]
    public void Colleagues_are_spread_over_the_teams_as_evenly_as_their_numbers_allow(int count, int departments)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var people = People(count, departments, seed);
            var teams = TeamFormation.Form(people, Rule);

            foreach (var department in people.GroupBy(p => p.Department))
            {
                var fairShare = (department.Count() + teams.Count - 1) / teams.Count;
                var worst = teams.Max(t => t.Count(p => p.Department == department.Key));
                Assert.True(worst <= fairShare, $"seed {seed}: {department.Key} has {department.Count()} people; a team got {worst}, fair share {fairShare}");
            }
        }
    }

    [Fact]
    public void When_no_department_is_larger_than_the_number_of_teams_nobody_meets_a_colleague()
    {
        var people = Enumerable.Range(1, 40).Select(i => new TeamCandidate(i, $"部署{i % 8}", false)).ToList();

        var teams = TeamFormation.Form(people, Rule);

        Assert.All(teams, team => Assert.Equal(team.Count, team.Select(p => p.Department).Distinct().Count()));
    }

    [Fact]
    public void Late_joiners_are_spread_rather_than_grouped()
    {
        var people = Enumerable.Range(1, 50).Select(i => new TeamCandidate(i, null, JoinedLate: i > 40)).ToList();

        var teams = TeamFormation.Form(people, Rule);

        Assert.Equal(10, teams.Count);
        Assert.All(teams, team => Assert.Equal(1, team.Count(p => p.JoinedLate)));
    }

    [Fact]
    public void A_participant_listed_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => TeamFormation.Form([new(1, null, false), new(1, "x", false)], Rule));

    [Fact]
    public void An_impossible_size_rule_is_refused() =>
        Assert.Throws<ArgumentException>(() => TeamFormation.PlanSizes(10, new TeamSizeRule(5, 6, 4)));
}
