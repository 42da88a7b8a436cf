using ProgramOps.Web.Features.Teams;

namespace ProgramOps.UnitTests.Teams;

/// <summary>
/// The deal now sorts one small struct per person instead of grouping and sorting copies of everyone (issue 18: a
/// 100,000-person cohort is formed at once). It must give exactly the teams the grouping gave.
/// </summary>
public sealed class TeamFormationEquivalenceTests
{
    /// <summary>The deal as it was written before, kept here as the reference.</summary>
    private static List<List<TeamCandidate>> GroupedDeal(IEnumerable<TeamCandidate> candidates, TeamSizeRule rule)
    {
        var people = candidates.OrderBy(c => c.ParticipantId).ToList();
        var sizes = TeamFormation.PlanSizes(people.Count, rule);
        var teams = sizes.Select(_ => new List<TeamCandidate>()).ToList();
        var seats = Enumerable.Range(0, sizes.Count == 0 ? 0 : sizes[0])
            .SelectMany(row => Enumerable.Range(0, sizes.Count).Where(team => row < sizes[team]));
        var dealingOrder = people
            .GroupBy(p => p.Department?.Trim().ToUpperInvariant() ?? "")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(p => p.JoinedLate).ThenBy(p => p.ParticipantId));
        foreach (var (person, team) in dealingOrder.Zip(seats)) teams[team].Add(person);
        return teams;
    }

    // Spellings that are one department after trimming and ignoring case, blanks that are none, and sizes that tie.
    private static readonly string?[] Departments = [null, "", "  ", "営業部", " 営業部 ", "sales", "Sales", "SALES ", "開発部", "総務部", "人事部", "ｓａｌｅｓ", "dev", "Dev"];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(7, 3)]
    [InlineData(23, 4)]
    [InlineData(101, 5)]
    [InlineData(1000, 6)]
    [InlineData(5003, 7)]
    public void The_struct_deal_gives_the_same_teams_as_the_grouped_deal(int count, int seed)
    {
        var random = new Random(seed);
        foreach (var rule in new[] { TeamSizeRule.SmokingProgram, new TeamSizeRule(4, 3, 5), new TeamSizeRule(3, 2, 4) })
        {
            var people = Enumerable.Range(0, count)
                .Select(_ => random.NextInt64(1, 1_000_000_000L))
                .Distinct()
                .Select(id => new TeamCandidate(id, Departments[random.Next(Departments.Length)], random.NextDouble() < 0.3))
                .OrderBy(_ => random.Next())
                .ToList();

            var expected = GroupedDeal(people, rule);
            var actual = TeamFormation.Form(people, rule);

            Assert.Equal(expected.Select(t => t.Select(p => p.ParticipantId)), actual.Select(t => t.Select(p => p.ParticipantId)));
            Assert.Equal(expected.SelectMany(t => t), actual.SelectMany(t => t));
        }
    }
}
