using ProgramOps.Web.Features.Teams;

namespace ProgramOps.UnitTests.Teams;

/// <summary>The invariants of late-joiner placement and rebalancing, over thousands of generated cohorts and several size rules.</summary>
public sealed class TeamAdjustmentPropertyTests
{
    private const int Runs = 1500;

    public static TheoryData<int, int, int> Rules => new() { { 5, 4, 5 }, { 5, 5, 5 }, { 5, 3, 5 }, { 4, 3, 5 }, { 3, 2, 4 } };

    /// <summary>A generated cohort: teams of random sizes (some emptied by a merge), people from a few departments or none.</summary>
    private sealed class Cohort(int seed)
    {
        private readonly Random _random = new(seed);
        private long _nextId = 1;

        public TeamCandidate Person() =>
            new(_nextId++, _random.Next(6) == 0 ? null : $"部署{_random.Next(1 + _random.Next(6))}", false);

        public List<TeamState> Teams(int maxSize) =>
            [.. Enumerable.Range(1, _random.Next(0, 9)).Select(n => new TeamState(100 + n, n, [.. Enumerable.Range(0, _random.Next(0, maxSize + 1)).Select(_ => Person())]))];

        public List<TeamCandidate> Newcomers(int most) => [.. Enumerable.Range(0, _random.Next(0, most + 1)).Select(_ => Person())];

        public List<T> Shuffle<T>(IEnumerable<T> items) => [.. items.OrderBy(_ => _random.Next())];
    }

    /// <summary>Team <paramref name="number"/> (id the same), members numbered from <paramref name="firstId"/>, one per department given.</summary>
    private static TeamState Team(int number, long firstId, params string[] departments) =>
        new(number, number, [.. departments.Select((d, i) => new TeamCandidate(firstId + i, d, false))]);

    private static bool Colleagues(TeamCandidate a, TeamCandidate b) =>
        a.Department is { } d && b.Department is { } e && d.Trim().Equals(e.Trim(), StringComparison.OrdinalIgnoreCase);

    private static Dictionary<int, List<TeamCandidate>> MembersOf(IEnumerable<TeamState> teams) => teams.ToDictionary(t => t.TeamId, t => t.Members.ToList());

    private static Dictionary<int, List<TeamCandidate>> Apply(IEnumerable<TeamState> teams, IEnumerable<(long ParticipantId, int FromTeamId, int ToTeamId)> moves)
    {
        var members = MembersOf(teams);
        foreach (var (id, from, to) in moves)
        {
            var person = members[from].Single(m => m.ParticipantId == id);
            members[from].Remove(person);
            members[to].Add(person);
        }

        return members;
    }

    private static (int Spare, int Room) Slack(IEnumerable<List<TeamCandidate>> teams, TeamSizeRule rule) =>
        (teams.Sum(t => Math.Max(0, t.Count - rule.Target)), teams.Where(t => t.Count >= rule.Min).Sum(t => Math.Max(0, rule.Max - t.Count)));

    /// <summary>Runs <paramref name="check"/> on <see cref="Runs"/> generated cohorts with teams up to the rule's maximum.</summary>
    private static void ForManyCohorts(TeamSizeRule rule, Action<int, Cohort, List<TeamState>> check)
    {
        for (var seed = 0; seed < Runs; seed++)
        {
            var cohort = new Cohort(seed);
            check(seed, cohort, cohort.Teams(rule.Max));
        }
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_newcomer_is_placed_once_beside_as_few_colleagues_as_any_team_with_room_allows_and_smallest_team_first(int target, int min, int max)
    {
        var rule = new TeamSizeRule(target, min, max);
        ForManyCohorts(rule, (seed, cohort, teams) =>
        {
            var newcomers = cohort.Newcomers(3 * max);

            var placements = TeamAdjustment.PlaceLateJoiners(teams, newcomers, rule);

            Assert.Equal(newcomers.Select(n => n.ParticipantId).Order(), placements.Select(p => p.ParticipantId).Order());
            Assert.Equal(placements, TeamAdjustment.PlaceLateJoiners(cohort.Shuffle(teams), cohort.Shuffle(newcomers), rule));

            var members = MembersOf(teams);
            var byId = newcomers.ToDictionary(n => n.ParticipantId);
            foreach (var placement in placements.Where(p => p.TeamId is not null))
            {
                var person = byId[placement.ParticipantId];
                var open = members.Where(t => t.Value.Count > 0 && t.Value.Count < max).ToList();
                var chosen = members[placement.TeamId!.Value];
                Assert.NotEmpty(chosen);
                Assert.True(chosen.Count < max, $"seed {seed}: a newcomer joined a full team");
                var fewest = open.Min(t => t.Value.Count(m => Colleagues(m, person)));
                Assert.Equal(fewest, chosen.Count(m => Colleagues(m, person)));
                Assert.Equal(open.Where(t => t.Value.Count(m => Colleagues(m, person)) == fewest).Min(t => t.Value.Count), chosen.Count);
                chosen.Add(person);
            }

            var formed = placements.Where(p => p.NewTeam is not null).GroupBy(p => p.NewTeam!.Value).OrderBy(g => g.Key).ToList();
            if (formed.Count > 0)
            {
                // New teams (of any size, even below the minimum) only once every team is full.
                Assert.DoesNotContain(members.Values, t => t.Count > 0 && t.Count < max);
                Assert.True(formed[0].Key > teams.Select(t => t.Number).DefaultIfEmpty(0).Max());
                Assert.Equal(TeamFormation.PlanSizes(formed.Sum(g => g.Count()), rule), formed.Select(g => g.Count()).OrderDescending());
            }
        });
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rebalancing_keeps_everyone_leaves_no_fixable_small_team_and_has_nothing_left_to_do_after_it(int target, int min, int max)
    {
        var rule = new TeamSizeRule(target, min, max);
        ForManyCohorts(rule, (seed, cohort, teams) =>
        {
            var moves = TeamAdjustment.Rebalance(teams, rule);

            var after = Apply(teams, moves);
            Assert.Equal(teams.SelectMany(t => t.Members).Select(m => m.ParticipantId).Order(), after.Values.SelectMany(m => m).Select(m => m.ParticipantId).Order());
            Assert.All(moves, m => Assert.True(after[m.ToTeamId].Count <= max, $"seed {seed}: team {m.ToTeamId} went over the maximum"));
            Assert.Equal(moves, TeamAdjustment.Rebalance(cohort.Shuffle(teams.Select(t => t with { Members = cohort.Shuffle(t.Members) })), rule));

            var (spare, room) = Slack(after.Values, rule);
            var smallTeams = after.Values.Where(t => t.Count is > 0 && t.Count < min).Select(t => t.Count).Order().ToList();
            foreach (var small in smallTeams)
            {
                Assert.True(small + spare < min && small > room, $"seed {seed}: a team of {small} could still be refilled or merged");
            }

            Assert.True(smallTeams.Count < 2 || smallTeams[0] + smallTeams[1] > max, $"seed {seed}: small teams {string.Join(",", smallTeams)} could be combined");

            var settled = teams.Select(t => t with { Members = after[t.TeamId] }).ToList();
            Assert.Empty(TeamAdjustment.Rebalance(settled, rule));
        });
    }

    [Fact]
    public void Placing_late_joiners_then_rebalancing_puts_everyone_in_exactly_one_team()
    {
        var rule = TeamSizeRule.SmokingProgram;
        ForManyCohorts(rule, (_, cohort, teams) =>
        {
            var newcomers = cohort.Newcomers(20);

            var placements = TeamAdjustment.PlaceLateJoiners(teams, newcomers, rule);
            var newTeams = placements.Where(p => p.NewTeam is not null).Select(p => p.NewTeam!.Value).Distinct()
                .Select(number => new TeamState(10_000 + number, number, [])).ToList();
            var members = MembersOf(teams.Concat(newTeams));
            var byId = newcomers.ToDictionary(n => n.ParticipantId);
            foreach (var p in placements) members[p.TeamId ?? 10_000 + p.NewTeam!.Value].Add(byId[p.ParticipantId]);
            var placed = teams.Concat(newTeams).Select(t => t with { Members = members[t.TeamId] }).ToList();
            var final = Apply(placed, TeamAdjustment.Rebalance(placed, rule));

            Assert.Equal(
                teams.SelectMany(t => t.Members).Concat(newcomers).Select(m => m.ParticipantId).Order(),
                final.Values.SelectMany(m => m).Select(m => m.ParticipantId).Order());
        });
    }

    [Fact]
    public void A_late_joiner_goes_to_a_larger_team_without_a_colleague_rather_than_a_smaller_team_with_one()
    {
        TeamState[] teams = [Team(1, 1, "人事部", "営業部", "総務部"), Team(2, 5, "営業部", "総務部", "開発部", "製造部")];

        var placement = TeamAdjustment.PlaceLateJoiners(teams, [new TeamCandidate(99, " 人事部 ", true)], TeamSizeRule.SmokingProgram).Single();

        Assert.Equal(2, placement.TeamId);
    }

    [Fact]
    public void A_team_emptied_by_a_merge_does_not_take_late_joiners_one_by_one()
    {
        TeamState[] teams = [Team(1, 1), Team(2, 1, "a", "b", "c", "d")];

        var placement = TeamAdjustment.PlaceLateJoiners(teams, [new TeamCandidate(99, "f", true)], TeamSizeRule.SmokingProgram).Single();

        Assert.Equal(2, placement.TeamId);
    }

    [Fact]
    public void Two_small_teams_with_nowhere_else_to_go_are_combined_into_one()
    {
        TeamState[] teams = [Team(1, 1, "a", "b"), Team(2, 10, "c"), Team(3, 20, "d", "e")];

        var moves = TeamAdjustment.Rebalance(teams, TeamSizeRule.SmokingProgram);

        // Team 1's two join team 3, making four, the minimum; team 2's one is then merged into it: one team of five.
        Assert.Equal([(1L, 1, 3), (2L, 1, 3), (10L, 2, 3)], moves);
    }

    [Fact]
    public void A_refill_takes_the_donors_member_with_no_colleague_in_the_receiving_team()
    {
        TeamState[] teams = [Team(1, 1, "営業部", "総務部"), Team(2, 10, "製造部", "人事部", "経理部", "法務部", "営業部")];

        var move = TeamAdjustment.Rebalance(teams, new TeamSizeRule(4, 3, 5)).Single();

        Assert.Equal((13L, 2, 1), move);
    }

    [Fact]
    public void Twenty_thousand_teams_take_a_thousand_late_joiners_and_rebalance()
    {
        var rule = TeamSizeRule.SmokingProgram;
        var random = new Random(5);
        var people = Enumerable.Range(1, 100_000).Select(i => new TeamCandidate(i, $"部署{random.Next(40)}", false)).ToList();
        var teams = TeamFormation.Form(people, rule)
            .Select((members, i) => new TeamState(i + 1, i + 1, [.. members.Where(_ => random.Next(10) > 0)])).ToList();
        var newcomers = Enumerable.Range(200_000, 1000).Select(i => new TeamCandidate(i, $"部署{random.Next(40)}", true)).ToList();

        // How fast this runs is measured by scripts/bench.sh (roster import with team formation), not by a timed test.
        var placements = TeamAdjustment.PlaceLateJoiners(teams, newcomers, rule);
        var moves = TeamAdjustment.Rebalance(teams, rule);

        Assert.Equal(1000, placements.Count);
        Assert.NotEmpty(moves);
    }
}
