using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Teams;

/// <summary>
/// Team health (daily): a team of a running cohort whose members taking part fell below the program's minimum gets
/// a CS action — rebalance on the team page, or reach out; the action closes itself once the team is whole again
/// (or empty, merged away). Idempotent: one open action per team.
/// </summary>
public sealed class TeamHealthJob(Db db, LocalClock clock, ILogger<TeamHealthJob> logger) : RecordedJob(db, clock.Time, logger)
{
    public static readonly JobKey Key = new("team-health", "teams");

    private sealed record TeamRow
    {
        public int Id { get; init; }
        public int Number { get; init; }
        public int CohortId { get; init; }
        public required string Definition { get; init; }
        public int Members { get; init; }
    }

    public override async Task<JobResult> RunAsync(CancellationToken ct) => await Db.InTransactionAsync(async (c, t) =>
    {
        var teams = (await c.QueryAsync<TeamRow>(new CommandDefinition(TeamsSql.TeamsOfRunningCohorts, transaction: t, cancellationToken: ct))).ToList();
        var minimums = teams.Select(team => team.Definition).Distinct().ToDictionary(d => d, d => ProgramDefinitionJson.Deserialize(d).TeamSize.Min);
        var small = teams.Where(team => team.Members > 0 && team.Members < minimums[team.Definition]).ToList();
        return new JobResult(await CsActions.ReconcileAsync(c, t, CsActionKind.TeamBelowMinimum,
            [.. small.Select(team => CsActionRequest.TeamBelowMinimum(team.Id, team.Number, team.Members, team.CohortId, clock.Today))],
            TransitionCause.System, clock.UtcNow, ct));
    }, ct);
}
