namespace ProgramOps.Web.Features.Teams;

/// <summary>
/// Teams while they are being adjusted, keeping up to date what each choice needs as people move: every team's
/// size, its members per department, and the teams in (size, number) order. A choice then costs the teams it
/// passes over rather than a look at every member of every team (a cohort of 100,000 has 20,000 teams).
/// </summary>
internal sealed class TeamBoard
{
    private sealed class Team(TeamState state)
    {
        public int TeamId { get; } = state.TeamId;
        public int Number { get; } = state.Number;
        public List<TeamCandidate> Members { get; } = [];
        public Dictionary<string, int> Departments { get; } = new(StringComparer.Ordinal);
        public int Size => Members.Count;
    }

    private readonly TeamSizeRule _rule;
    private readonly Dictionary<int, Team> _byId = [];
    private readonly Dictionary<int, Team> _byNumber = [];

    // Team numbers by size: a handful of sizes, each walked in number order from its start (a SortedSet view
    // between two bounds would count its whole range first).
    private readonly SortedDictionary<int, SortedSet<int>> _bySize = [];

    public TeamBoard(IEnumerable<TeamState> teams, TeamSizeRule rule)
    {
        _rule = rule;
        foreach (var state in teams)
        {
            var team = new Team(state);
            _byId.Add(team.TeamId, team);
            _byNumber.Add(team.Number, team);
            Enter(team);
            foreach (var member in state.Members) Add(member, team.TeamId);
        }
    }

    public int Size(int teamId) => _byId[teamId].Size;

    public int HighestNumber => _byNumber.Count == 0 ? 0 : _byNumber.Keys.Max();

    /// <summary>People beyond the target, over all teams: what refilling a small team can draw on.</summary>
    public int Spare { get; private set; }

    /// <summary>Free seats up to the maximum in the teams at or above the minimum: what a merge can spread people over.</summary>
    public int Room { get; private set; }

    public IReadOnlyList<TeamCandidate> Members(int teamId) => _byId[teamId].Members;

    public void Add(TeamCandidate person, int teamId) => Resize(_byId[teamId], team =>
    {
        team.Members.Add(person);
        var key = TeamFormation.DepartmentKey(person.Department);
        if (key.Length > 0) team.Departments[key] = team.Departments.GetValueOrDefault(key) + 1;
    });

    public void Move(TeamCandidate person, int fromTeamId, int toTeamId)
    {
        Resize(_byId[fromTeamId], team =>
        {
            team.Members.Remove(person);
            var key = TeamFormation.DepartmentKey(person.Department);
            if (key.Length > 0 && --team.Departments[key] == 0) team.Departments.Remove(key);
        });
        Add(person, toTeamId);
    }

    /// <summary>How many of <paramref name="person"/>'s colleagues are in the team.</summary>
    public int Colleagues(TeamCandidate person, int teamId) => Colleagues(TeamFormation.DepartmentKey(person.Department), _byId[teamId]);

    private static int Colleagues(string departmentKey, Team team) =>
        departmentKey.Length == 0 ? 0 : team.Departments.GetValueOrDefault(departmentKey);

    /// <summary>
    /// The team for <paramref name="person"/> among those sized <paramref name="minSize"/> to <paramref name="maxSize"/>:
    /// fewest colleagues, then smallest, then lowest number; null if there is none.
    /// </summary>
    public int? Best(TeamCandidate person, int minSize, int maxSize)
    {
        var departmentKey = TeamFormation.DepartmentKey(person.Department);
        (int TeamId, int Colleagues)? best = null;
        foreach (var number in _bySize.Where(s => s.Key >= minSize && s.Key <= maxSize).SelectMany(s => s.Value))
        {
            var team = _byNumber[number];
            var colleagues = Colleagues(departmentKey, team);
            if (colleagues == 0) return team.TeamId;
            if (best is null || colleagues < best.Value.Colleagues) best = (team.TeamId, colleagues);
        }

        return best?.TeamId;
    }

    /// <summary>
    /// The largest team sized <paramref name="minSize"/> to <paramref name="maxSize"/> other than <paramref name="exceptTeamId"/>
    /// (lowest number among equals), or null when there is none.
    /// </summary>
    public int? Largest(int minSize, int maxSize, int? exceptTeamId = null)
    {
        foreach (var (size, numbers) in _bySize.Reverse())
        {
            if (size > maxSize) continue;
            if (size < minSize) return null;
            var team = numbers.Select(n => _byNumber[n]).FirstOrDefault(t => t.TeamId != exceptTeamId);
            if (team is not null) return team.TeamId;
        }

        return null;
    }

    private void Resize(Team team, Action<Team> change)
    {
        var numbers = _bySize[team.Size];
        numbers.Remove(team.Number);
        if (numbers.Count == 0) _bySize.Remove(team.Size);
        Count(team, -1);
        change(team);
        Enter(team);
    }

    private void Enter(Team team)
    {
        Count(team, +1);
        if (!_bySize.TryGetValue(team.Size, out var numbers)) _bySize.Add(team.Size, numbers = []);
        numbers.Add(team.Number);
    }

    private void Count(Team team, int sign)
    {
        Spare += sign * Math.Max(0, team.Size - _rule.Target);
        if (team.Size >= _rule.Min) Room += sign * Math.Max(0, _rule.Max - team.Size);
    }
}
