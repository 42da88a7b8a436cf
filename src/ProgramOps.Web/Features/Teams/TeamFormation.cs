namespace ProgramOps.Web.Features.Teams;

/// <summary>
/// How big a program's peer teams are: the target and the allowed range, never above <see cref="PeerTeamLimit"/>.
/// </summary>
public sealed record TeamSizeRule(int Target, int Min, int Max)
{
    /// <summary>Peer teams are five people at most (5人1組): the anonymous team chat is built for that, whatever the program.</summary>
    public const int PeerTeamLimit = 5;

    public static readonly TeamSizeRule SmokingProgram = new(5, 4, 5);

    public bool IsValid => Min >= 1 && Min <= Target && Target <= Max && Max <= PeerTeamLimit;

    /// <summary>
    /// This rule with its sizes lowered to the peer-team limit: definitions stored before the limit was enforced
    /// (the smoking template allowed teams of 6) read with it.
    /// </summary>
    public TeamSizeRule WithinPeerTeamLimit() => Max <= PeerTeamLimit
        ? this
        : new(Math.Min(Target, PeerTeamLimit), Math.Min(Min, PeerTeamLimit), PeerTeamLimit);
}

/// <summary>A participant as team formation sees them: an id, the department (for anonymity), whether they joined late.</summary>
public sealed record TeamCandidate(long ParticipantId, string? Department, bool JoinedLate);

/// <summary>
/// Forms anonymous peer-support teams. A pure function: the same candidates and rule always give the
/// same teams, whatever order the candidates come in.
/// </summary>
public static class TeamFormation
{
    /// <summary>
    /// Team sizes for <paramref name="count"/> people: balanced (sizes differ by at most one), never above the
    /// maximum, at or above the minimum when any split allows it and otherwise as little below it as possible;
    /// among those, as close to the target as possible (23 people, target 5 → 5, 5, 5, 4, 4). Where people
    /// cannot be split into teams of min–max, the shortfall goes into smaller teams rather than a larger one
    /// (rule 4–5: 6 → 3, 3; 7 → 4, 3; 11 → 4, 4, 3), and fewer people than the minimum are one team of their size.
    /// </summary>
    public static IReadOnlyList<int> PlanSizes(int count, TeamSizeRule rule)
    {
        if (!rule.IsValid) throw new ArgumentException($"Team size rule {rule} is not valid (need 1 ≤ min ≤ target ≤ max).", nameof(rule));
        if (count <= 0) return [];

        var fewestTeams = (count + rule.Max - 1) / rule.Max;
        var mostTeams = Math.Max(fewestTeams, Math.Min(count, (count / rule.Min) + 1));
        var best = Enumerable.Range(fewestTeams, mostTeams - fewestTeams + 1)
            .Select(teams => (Teams: teams, Score: Score(count, teams, rule)))
            .MinBy(option => option.Score);
        var (size, larger) = (count / best.Teams, count % best.Teams);
        return Enumerable.Range(0, best.Teams).Select(i => i < larger ? size + 1 : size).ToList();
    }

    /// <summary>(people missing up to the minimum, distance from the target) for a balanced split into <paramref name="teams"/>.</summary>
    private static (int BelowMin, int OffTarget) Score(int count, int teams, TeamSizeRule rule)
    {
        var (size, larger) = (count / teams, count % teams);
        int BelowMin(int s) => Math.Max(0, rule.Min - s);
        return (
            (larger * BelowMin(size + 1)) + ((teams - larger) * BelowMin(size)),
            (larger * Math.Abs(size + 1 - rule.Target)) + ((teams - larger) * Math.Abs(size - rule.Target)));
    }

    /// <summary>
    /// Places every candidate in exactly one team. Colleagues from one department are spread over the
    /// teams (nobody should meet their own colleague in an anonymous group where it can be avoided);
    /// within a department, late joiners come last, so they too are spread rather than grouped.
    /// </summary>
    /// <remarks>
    /// People are sorted by department (largest first) and dealt like cards into the teams' seats, row
    /// by row: a run of d colleagues lands on d consecutive seats, which are in different teams until
    /// every team has had one, so no team gets more than ⌈d / teams⌉ of them. O(n log n).
    /// </remarks>
    public static IReadOnlyList<IReadOnlyList<TeamCandidate>> Form(IEnumerable<TeamCandidate> candidates, TeamSizeRule rule)
    {
        var people = candidates.OrderBy(c => c.ParticipantId).ToList();
        if (people.Select(p => p.ParticipantId).Distinct().Count() != people.Count)
            throw new ArgumentException("A participant appears twice among the candidates.", nameof(candidates));

        var sizes = PlanSizes(people.Count, rule);
        var teams = sizes.Select(_ => new List<TeamCandidate>()).ToList();
        var seats = Enumerable.Range(0, sizes.Count == 0 ? 0 : sizes[0])
            .SelectMany(row => Enumerable.Range(0, sizes.Count).Where(team => row < sizes[team]));
        var dealingOrder = people
            .GroupBy(p => DepartmentKey(p.Department))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(p => p.JoinedLate).ThenBy(p => p.ParticipantId));
        foreach (var (person, team) in dealingOrder.Zip(seats))
        {
            teams[team].Add(person);
        }

        return teams;
    }

    /// <summary>Departments compare after trimming and ignoring case; an unknown department groups with nobody.</summary>
    internal static string DepartmentKey(string? department) => department?.Trim().ToUpperInvariant() ?? "";
}
