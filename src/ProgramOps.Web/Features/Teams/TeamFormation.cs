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
    /// A whole cohort (100,000 people) is formed at once, so the deal holds one small struct per person and one key per
    /// department rather than a grouping and sorted copies of everyone.
    /// </remarks>
    public static IReadOnlyList<IReadOnlyList<TeamCandidate>> Form(IEnumerable<TeamCandidate> candidates, TeamSizeRule rule)
    {
        var people = candidates.ToArray();
        var ids = Array.ConvertAll(people, p => p.ParticipantId);
        Array.Sort(ids);
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i] == ids[i - 1]) throw new ArgumentException("A participant appears twice among the candidates.", nameof(candidates));
        }

        var sizes = PlanSizes(people.Length, rule);
        var teams = sizes.Select(size => new List<TeamCandidate>(size)).ToList();
        var dealingOrder = DealingOrder(people);
        var dealt = 0;
        for (var row = 0; sizes.Count > 0 && row < sizes[0]; row++)
        {
            for (var team = 0; team < sizes.Count; team++)
            {
                if (row < sizes[team]) teams[team].Add(dealingOrder[dealt++].Person);
            }
        }

        return teams;
    }

    private readonly record struct Card(int DepartmentRank, TeamCandidate Person);

    /// <summary>
    /// Departments by size (largest first, then by key), each department's people on time before late, then by id: a
    /// total order, since ids are unique, so the candidates' order does not matter.
    /// </summary>
    private static Card[] DealingOrder(TeamCandidate[] people)
    {
        // Departments repeat: each distinct name is turned into its key once.
        var keyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var sizeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new string[people.Length];
        for (var i = 0; i < people.Length; i++)
        {
            var department = people[i].Department;
            var key = department is null ? "" : keyOf.TryGetValue(department, out var known) ? known : keyOf[department] = DepartmentKey(department);
            keys[i] = key;
            sizeOf[key] = sizeOf.GetValueOrDefault(key) + 1;
        }

        var rankOf = sizeOf.OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Select((d, rank) => (d.Key, rank)).ToDictionary(d => d.Key, d => d.rank, StringComparer.Ordinal);
        var cards = new Card[people.Length];
        for (var i = 0; i < people.Length; i++) cards[i] = new Card(rankOf[keys[i]], people[i]);
        Array.Sort(cards, static (a, b) =>
            a.DepartmentRank != b.DepartmentRank ? a.DepartmentRank.CompareTo(b.DepartmentRank)
            : a.Person.JoinedLate != b.Person.JoinedLate ? a.Person.JoinedLate.CompareTo(b.Person.JoinedLate)
            : a.Person.ParticipantId.CompareTo(b.Person.ParticipantId));
        return cards;
    }

    /// <summary>Departments compare after trimming and ignoring case; an unknown department groups with nobody.</summary>
    internal static string DepartmentKey(string? department) => department?.Trim().ToUpperInvariant() ?? "";
}
