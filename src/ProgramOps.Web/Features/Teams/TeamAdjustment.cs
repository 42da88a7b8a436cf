namespace ProgramOps.Web.Features.Teams;

/// <summary>A team as it stands: its id and number, and the members who still take part.</summary>
public sealed record TeamState(int TeamId, int Number, IReadOnlyList<TeamCandidate> Members);

/// <summary>A participant going into an existing team (<see cref="TeamId"/>) or into the new team numbered <see cref="NewTeam"/>.</summary>
public sealed record TeamPlacement(long ParticipantId, int? TeamId, int? NewTeam);

/// <summary>
/// Keeps formed teams whole once they are running: late joiners go where there is room, and teams that shrank
/// below the minimum are refilled or merged. Pure functions; the same input gives the same moves.
/// </summary>
public static class TeamAdjustment
{
    /// <summary>
    /// Places newcomers into teams with room, smallest team first, avoiding a team with a colleague from the same
    /// department when another team with room has none. Those left when every team is full form new teams (numbered
    /// after the last); fewer than the minimum left over join the smallest teams instead, since a team of one or
    /// two is worse than a team one over the maximum.
    /// </summary>
    public static IReadOnlyList<TeamPlacement> PlaceLateJoiners(IReadOnlyList<TeamState> teams, IEnumerable<TeamCandidate> newcomers, TeamSizeRule rule)
    {
        var members = teams.ToDictionary(t => t.TeamId, t => t.Members.ToList());
        var placements = new List<TeamPlacement>();
        var waiting = new List<TeamCandidate>();
        foreach (var person in newcomers.OrderBy(p => p.ParticipantId))
        {
            var team = BestTeam(teams, members, person, rule, t => members[t.TeamId].Count < rule.Max);
            if (team is null)
            {
                waiting.Add(person);
                continue;
            }

            members[team.TeamId].Add(person);
            placements.Add(new TeamPlacement(person.ParticipantId, team.TeamId, null));
        }

        if (waiting.Count >= rule.Min || (teams.Count == 0 && waiting.Count > 0))
        {
            var next = teams.Count == 0 ? 1 : teams.Max(t => t.Number) + 1;
            var formed = TeamFormation.Form(waiting, rule);
            placements.AddRange(formed.SelectMany((team, i) => team.Select(p => new TeamPlacement(p.ParticipantId, null, next + i))));
        }
        else
        {
            foreach (var person in waiting)
            {
                var team = BestTeam(teams, members, person, rule, _ => true)!;
                members[team.TeamId].Add(person);
                placements.Add(new TeamPlacement(person.ParticipantId, team.TeamId, null));
            }
        }

        return placements;
    }

    /// <summary>
    /// Refills each team that fell below the minimum from teams above the target; a team that cannot be refilled is
    /// merged: its members are placed into other teams with room. Teams are never emptied into a team at the maximum.
    /// </summary>
    /// <returns>The moves: (participant, from team, to team).</returns>
    public static IReadOnlyList<(long ParticipantId, int FromTeamId, int ToTeamId)> Rebalance(IReadOnlyList<TeamState> teams, TeamSizeRule rule)
    {
        var members = teams.ToDictionary(t => t.TeamId, t => t.Members.OrderBy(m => m.ParticipantId).ToList());
        var moves = new List<(long, int, int)>();
        foreach (var small in teams.OrderBy(t => t.Number).Where(t => members[t.TeamId].Count is > 0 && members[t.TeamId].Count < rule.Min))
        {
            var spare = teams.Where(t => t.TeamId != small.TeamId).Sum(t => Math.Max(0, members[t.TeamId].Count - rule.Target));
            if (members[small.TeamId].Count + spare >= rule.Min)
            {
                while (members[small.TeamId].Count < rule.Min)
                {
                    var donor = teams.Where(t => t.TeamId != small.TeamId && members[t.TeamId].Count > rule.Target)
                        .OrderByDescending(t => members[t.TeamId].Count).ThenBy(t => t.Number).First();
                    var person = members[donor.TeamId][^1];
                    Move(person, donor.TeamId, small.TeamId);
                }

                continue;
            }

            var others = teams.Where(t => t.TeamId != small.TeamId && members[t.TeamId].Count >= rule.Min).ToList();
            if (members[small.TeamId].Count > others.Sum(t => rule.Max - members[t.TeamId].Count)) continue;
            foreach (var person in members[small.TeamId].ToList())
            {
                var target = BestTeam(others, members, person, rule, t => members[t.TeamId].Count < rule.Max)!;
                Move(person, small.TeamId, target.TeamId);
            }
        }

        return moves;

        void Move(TeamCandidate person, int from, int to)
        {
            members[from].Remove(person);
            members[to].Add(person);
            moves.Add((person.ParticipantId, from, to));
        }
    }

    /// <summary>
    /// Among the teams <paramref name="eligible"/> allows: teams below the target first (sizes stay even), then
    /// fewest colleagues of the person, then fewest members, then lowest number.
    /// </summary>
    private static TeamState? BestTeam(
        IEnumerable<TeamState> teams, Dictionary<int, List<TeamCandidate>> members, TeamCandidate person, TeamSizeRule rule, Func<TeamState, bool> eligible) =>
        teams.Where(eligible)
            .OrderBy(t => members[t.TeamId].Count >= rule.Target)
            .ThenBy(t => members[t.TeamId].Count(m => TeamFormation.SameDepartment(m, person)))
            .ThenBy(t => members[t.TeamId].Count)
            .ThenBy(t => t.Number)
            .FirstOrDefault();
}
