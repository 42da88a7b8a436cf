using ProgramOps.Web.Features.Teams;

namespace ProgramOps.UnitTests.Teams;

public sealed class TeamAdjustmentTests
{
    private static readonly TeamSizeRule Rule = TeamSizeRule.SmokingProgram;
    private static readonly string[] Departments = ["営業部", "総務部", "開発部", "製造部"];

    /// <summary>Teams of the given sizes, members numbered from 1, departments in turn.</summary>
    private static List<TeamState> Teams(params int[] sizes)
    {
        var next = 1L;
        return [.. sizes.Select((size, i) => new TeamState(100 + i, i + 1,
            [.. Enumerable.Range(0, size).Select(_ => new TeamCandidate(next, Departments[next++ % Departments.Length], false))]))];
    }

    private static List<TeamCandidate> People(long from, int count, string? department = null) =>
        [.. Enumerable.Range(0, count).Select(i => new TeamCandidate(from + i, department ?? Departments[i % Departments.Length], true))];

    private static Dictionary<string, List<long>> Apply(IReadOnlyList<TeamState> teams, IReadOnlyList<TeamPlacement> placements)
    {
        var result = teams.ToDictionary(t => $"team {t.TeamId}", t => t.Members.Select(m => m.ParticipantId).ToList());
        foreach (var p in placements)
        {
            var key = p.TeamId is { } id ? $"team {id}" : $"new {p.NewTeam}";
            if (!result.TryGetValue(key, out var list)) result[key] = list = [];
            list.Add(p.ParticipantId);
        }

        return result;
    }

    [Fact]
    public void Late_joiners_fill_the_smallest_teams_first_without_going_over_the_maximum()
    {
        var teams = Teams(5, 4, 5, 4);

        var placed = Apply(teams, TeamAdjustment.PlaceLateJoiners(teams, People(1000, 3), Rule));

        Assert.Equal([5, 5], new[] { placed["team 101"].Count, placed["team 103"].Count });
        Assert.Equal([1, 5, 5, 5, 5], placed.Values.Select(v => v.Count).Order());
    }

    [Fact]
    public void A_late_joiner_avoids_the_team_of_a_colleague_when_another_team_has_room()
    {
        var colleague = new TeamCandidate(1, "人事部", false);
        var teams = new List<TeamState>
        {
            new(1, 1, [colleague, .. People(2, 3, "営業部")]),
            new(2, 2, People(10, 4, "営業部")),
        };

        var placement = TeamAdjustment.PlaceLateJoiners(teams, [new TeamCandidate(99, "人事部", true)], Rule).Single();

        Assert.Equal(2, placement.TeamId);
    }

    [Fact]
    public void When_every_team_is_full_newcomers_form_new_teams_numbered_after_the_last()
    {
        var teams = Teams(5, 5);

        var placements = TeamAdjustment.PlaceLateJoiners(teams, People(1000, 9), Rule);

        Assert.All(placements, p => Assert.Null(p.TeamId));
        Assert.Equal([3, 4], placements.Select(p => p.NewTeam!.Value).Distinct().Order());
        Assert.Equal([4, 5], placements.GroupBy(p => p.NewTeam).Select(g => g.Count()).Order());
    }

    [Fact]
    public void Too_few_newcomers_for_a_full_sized_team_form_a_small_team_rather_than_make_a_team_of_six()
    {
        var teams = Teams(5, 5, 5);

        var placements = TeamAdjustment.PlaceLateJoiners(teams, People(1000, 2), Rule);

        Assert.All(placements, p => Assert.Null(p.TeamId));
        Assert.Equal([4, 4], placements.Select(p => p.NewTeam!.Value));
    }

    [Fact]
    public void Over_many_random_cohorts_every_newcomer_is_placed_once_and_deterministically()
    {
        var random = new Random(42);
        for (var run = 0; run < 500; run++)
        {
            var teams = Teams([.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => random.Next(1, 6))]);
            var newcomers = People(10_000, random.Next(0, 30));

            var placements = TeamAdjustment.PlaceLateJoiners(teams, newcomers, Rule);

            Assert.Equal(newcomers.Select(n => n.ParticipantId).Order(), placements.Select(p => p.ParticipantId).Order());
            Assert.Equal(placements, TeamAdjustment.PlaceLateJoiners(teams, Enumerable.Reverse(newcomers), Rule));
            Assert.All(Apply(teams, placements).Values, members => Assert.True(members.Count <= Rule.Max));
        }
    }

    [Fact]
    public void A_team_that_shrank_below_the_minimum_is_refilled_from_teams_above_the_target()
    {
        // Teams of 6 formed before the 5-person limit: refilling draws them down to it.
        var teams = Teams(2, 6, 6, 5);

        var moves = TeamAdjustment.Rebalance(teams, Rule);

        Assert.Equal(2, moves.Count);
        Assert.All(moves, m => Assert.Equal(100, m.ToTeamId));
        Assert.Equal([101, 102], moves.Select(m => m.FromTeamId).Order());
    }

    [Fact]
    public void A_team_that_cannot_be_refilled_is_merged_into_teams_with_room()
    {
        var teams = Teams(4, 2, 4);

        var moves = TeamAdjustment.Rebalance(teams, Rule);

        Assert.Equal(2, moves.Count);
        Assert.All(moves, m => Assert.Equal(101, m.FromTeamId));
        Assert.Equal([100, 102], moves.Select(m => m.ToTeamId).Order());
    }

    [Fact]
    public void Over_many_random_cohorts_rebalancing_loses_nobody_and_leaves_no_small_team_when_there_is_room()
    {
        var random = new Random(7);
        for (var run = 0; run < 500; run++)
        {
            var teams = Teams([.. Enumerable.Range(0, random.Next(1, 9)).Select(_ => random.Next(0, 6))]);

            var moves = TeamAdjustment.Rebalance(teams, Rule);

            var sizes = teams.ToDictionary(t => t.TeamId, t => t.Members.Count);
            foreach (var (_, from, to) in moves)
            {
                sizes[from]--;
                sizes[to]++;
            }

            Assert.Equal(teams.Sum(t => t.Members.Count), sizes.Values.Sum());
            Assert.All(moves, m => Assert.True(sizes[m.ToTeamId] <= Rule.Max));
            Assert.Equal(moves, TeamAdjustment.Rebalance(teams, Rule));
            var room = teams.Sum(t => t.Members.Count >= Rule.Min ? Rule.Max - t.Members.Count : 0);
            var stranded = teams.Where(t => t.Members.Count is > 0 && t.Members.Count < Rule.Min).Sum(t => t.Members.Count);
            if (stranded <= room && teams.Count(t => t.Members.Count is > 0 && t.Members.Count < Rule.Min) == 1)
                Assert.DoesNotContain(sizes.Values, s => s is > 0 && s < Rule.Min);
        }
    }
}
