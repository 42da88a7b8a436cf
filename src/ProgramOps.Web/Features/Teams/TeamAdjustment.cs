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
    /// Places newcomers into teams with room: never beside a colleague from their department when another team
    /// with room has none, and among those the smallest team first. Teams nobody takes part in any more (merged
    /// away) stay empty. Those left when every team is full form new teams (numbered after the last), even fewer
    /// than the minimum: no team goes over the maximum (5人1組), and later joiners fill the small team first.
    /// </summary>
    public static IReadOnlyList<TeamPlacement> PlaceLateJoiners(IReadOnlyList<TeamState> teams, IEnumerable<TeamCandidate> newcomers, TeamSizeRule rule)
    {
        var board = new TeamBoard(teams, rule);
        var placements = new List<TeamPlacement>();
        var waiting = new List<TeamCandidate>();
        foreach (var person in newcomers.OrderBy(p => p.ParticipantId))
        {
            if (board.Best(person, 1, rule.Max - 1) is { } team) Place(person, team);
            else waiting.Add(person);
        }

        var next = board.HighestNumber + 1;
        var formed = TeamFormation.Form(waiting, rule);
        placements.AddRange(formed.SelectMany((team, i) => team.Select(p => new TeamPlacement(p.ParticipantId, null, next + i))));
        return placements;

        void Place(TeamCandidate person, int teamId)
        {
            board.Add(person, teamId);
            placements.Add(new TeamPlacement(person.ParticipantId, teamId, null));
        }
    }

    /// <summary>
    /// Refills each team that fell below the minimum from the largest teams above the target (the member with the
    /// fewest colleagues in the receiving team, newest first); a team that cannot be refilled is merged: its members
    /// are placed, colleagues apart, into the smallest teams with room up to the maximum; failing both (every other
    /// team is full or small too), two small teams are combined into one when that fits the maximum. Repeats until
    /// nothing more can be done, so running it on its own result moves nobody.
    /// </summary>
    /// <returns>The moves: (participant, from team, to team).</returns>
    public static IReadOnlyList<(long ParticipantId, int FromTeamId, int ToTeamId)> Rebalance(IReadOnlyList<TeamState> teams, TeamSizeRule rule)
    {
        var board = new TeamBoard(teams, rule);
        var moves = new List<(long, int, int)>();
        var byNumber = teams.OrderBy(t => t.Number).ToList();
        bool progress;
        do
        {
            progress = false;
            foreach (var small in byNumber.Where(t => board.Size(t.TeamId) is > 0 && board.Size(t.TeamId) < rule.Min))
            {
                progress |= Refill(small.TeamId) || Merge(small.TeamId) || Combine(small.TeamId);
            }
        }
        while (progress);

        return moves;

        bool Refill(int small)
        {
            if (board.Size(small) + board.Spare < rule.Min) return false;
            while (board.Size(small) < rule.Min)
            {
                var donor = board.Largest(rule.Target + 1, int.MaxValue)!.Value;
                var person = board.Members(donor)
                    .OrderBy(m => board.Colleagues(m, small)).ThenByDescending(m => m.ParticipantId)
                    .First();
                Move(person, donor, small);
            }

            return true;
        }

        bool Merge(int small)
        {
            if (board.Size(small) > board.Room) return false;
            foreach (var person in board.Members(small).OrderBy(m => m.ParticipantId).ToList())
            {
                Move(person, small, board.Best(person, rule.Min, rule.Max - 1)!.Value);
            }

            return true;
        }

        // The fewer people move: the smaller of the two joins the larger.
        bool Combine(int small)
        {
            if (board.Largest(1, Math.Min(rule.Min - 1, rule.Max - board.Size(small)), exceptTeamId: small) is not { } partner) return false;
            var (from, to) = board.Size(partner) < board.Size(small) ? (partner, small) : (small, partner);
            foreach (var person in board.Members(from).OrderBy(m => m.ParticipantId).ToList()) Move(person, from, to);
            return true;
        }

        void Move(TeamCandidate person, int from, int to)
        {
            board.Move(person, from, to);
            moves.Add((person.ParticipantId, from, to));
        }
    }
}
