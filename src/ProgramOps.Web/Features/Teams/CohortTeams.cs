using System.Data;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Teams;

public sealed record TeamFormationResult(int TeamsCreated, int Placed, int Moved)
{
    public bool ChangedAnything => TeamsCreated + Placed + Moved > 0;
}

/// <summary>
/// Forms and keeps a cohort's teams, inside the caller's transaction: the first time, everyone taking part is
/// dealt into teams; afterwards, people without a team are placed as late joiners and teams below the minimum
/// are refilled or merged. Running it again with nothing new changes nothing.
/// </summary>
public sealed class CohortTeams(Db db, AuditTrail audit, TimeProvider time)
{
    private sealed record CohortRow
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public CohortStatus Status { get; init; }
        public DateOnly EnrolmentCloses { get; init; }
        public required string Definition { get; init; }
    }

    /// <summary>Someone taking part, as formation sees them, and the team they are in (null: not placed yet).</summary>
    private readonly record struct Person(TeamCandidate Candidate, int? TeamId);

    private sealed record TeamRow
    {
        public int Id { get; init; }
        public int Number { get; init; }
    }

    public async Task<TeamFormationResult> FormAsync(DbConnection c, DbTransaction t, int cohortId, string actor, int? actorUserId, CancellationToken ct)
    {
        await CohortRowLock.TakeAsync(c, t, cohortId, ct);
        var cohort = await c.QuerySingleAsync<CohortRow>(new CommandDefinition(TeamsSql.Cohort, new { CohortId = cohortId }, t, cancellationToken: ct));
        var program = ProgramDefinitionJson.Deserialize(cohort.Definition);
        // Most calls (every import into a running cohort) find nothing to do; two counts say so without loading everyone.
        if (await c.ExecuteScalarAsync<int>(new CommandDefinition(TeamsSql.Unplaced, new { CohortId = cohortId }, t, cancellationToken: ct)) == 0
            && await c.ExecuteScalarAsync<int>(new CommandDefinition(TeamsSql.SmallTeams, new { CohortId = cohortId, program.TeamSize.Min }, t, cancellationToken: ct)) == 0)
            return new TeamFormationResult(0, 0, 0);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(program.TimeZone);
        var lateAfter = new LocalClock(time, zone).StartOf(cohort.EnrolmentCloses.AddDays(1));
        var people = await PlaceableAsync(c, t, cohortId, lateAfter, ct);
        var teams = (await c.QueryAsync<TeamRow>(new CommandDefinition(TeamsSql.TeamsOfCohort, new { CohortId = cohortId }, t, cancellationToken: ct))).ToList();

        var members = people.Where(p => p.TeamId is not null).ToLookup(p => p.TeamId!.Value, p => p.Candidate);
        var states = teams.Select(team => new TeamState(team.Id, team.Number, [.. members[team.Id]])).ToList();
        var placements = TeamAdjustment.PlaceLateJoiners(states, people.Where(p => p.TeamId is null).Select(p => p.Candidate), program.TeamSize);

        var now = time.GetUtcNow();
        using var insertTeam = new PreparedCommand(c, t, TeamsSql.InsertTeam(db.Dialect), ("CohortId", DbType.Int32), ("Number", DbType.Int32), ("Now", DbType.DateTimeOffset));
        insertTeam.Set("CohortId", cohortId).Set("Now", now);
        var newTeams = new Dictionary<int, int>();
        foreach (var number in placements.Where(p => p.NewTeam is not null).Select(p => p.NewTeam!.Value).Distinct().Order())
        {
            newTeams[number] = await insertTeam.Set("Number", number).ExecuteScalarAsync(ct);
        }

        // In id order, so the table's pages are visited once each, in order, rather than at random.
        await TeamAssignment.PlaceAsync(c, t,
            placements.OrderBy(p => p.ParticipantId).Select(p => (p.ParticipantId, p.TeamId ?? newTeams[p.NewTeam!.Value])), now, actor, ct);

        // Teams formed from scratch have their sizes from the plan; only teams that have lived can need rebalancing.
        if (teams.Count == 0) return await RecordAsync(c, t, cohort, new TeamFormationResult(newTeams.Count, placements.Count, 0), formed: true, actor, actorUserId);

        var placedIn = placements.ToDictionary(p => p.ParticipantId, p => p.TeamId ?? newTeams[p.NewTeam!.Value]);
        var membersAfter = people.ToLookup(p => p.TeamId ?? placedIn[p.Candidate.ParticipantId], p => p.Candidate);
        var after = teams.Select(team => (team.Id, team.Number)).Concat(newTeams.Select(n => (Id: n.Value, Number: n.Key)))
            .Select(team => new TeamState(team.Id, team.Number, [.. membersAfter[team.Id]]))
            .ToList();
        var moves = TeamAdjustment.Rebalance(after, program.TeamSize);
        // Written together, a participant moved twice must appear once, where they end up.
        var endsIn = moves.GroupBy(m => m.ParticipantId).Select(moved => (moved.Key, moved.Last().ToTeamId));
        await TeamAssignment.PlaceAsync(c, t, endsIn, now, actor, ct);

        return await RecordAsync(c, t, cohort, new TeamFormationResult(newTeams.Count, placements.Count, moves.Count), formed: false, actor, actorUserId);
    }

    /// <summary>
    /// Everyone taking part, read row by row into one small struct each, every department name kept once: a cohort of
    /// 100,000 is held whole while its teams are formed, and its departments repeat.
    /// </summary>
    private static async Task<List<Person>> PlaceableAsync(DbConnection c, DbTransaction t, int cohortId, DateTimeOffset lateAfter, CancellationToken ct)
    {
        var people = new List<Person>();
        var departments = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var rows = await c.ExecuteReaderAsync(new CommandDefinition(TeamsSql.Placeable, new { CohortId = cohortId, LateAfter = lateAfter }, t, cancellationToken: ct));
        while (await rows.ReadAsync(ct))
        {
            var department = rows.IsDBNull(1) ? null : rows.GetString(1);
            if (department is not null && !departments.TryAdd(department, department)) department = departments[department];
            var teamId = rows.IsDBNull(2) ? (int?)null : rows.GetInt32(2);
            people.Add(new Person(new TeamCandidate(rows.GetInt64(0), department, rows.GetInt32(3) == 1), teamId));
        }

        return people;
    }

    private async Task<TeamFormationResult> RecordAsync(
        DbConnection c, DbTransaction t, CohortRow cohort, TeamFormationResult result, bool formed, string actor, int? actorUserId)
    {
        if (result.ChangedAnything)
        {
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohort.Id.ToString(), formed ? "TeamsFormed" : "TeamsAdjusted",
                CodedText.Encode(AuditSummaries.TeamsChanged, cohort.Name, result.TeamsCreated, result.Placed, result.Moved)), actorUserId, actor);
        }

        return result;
    }
}
