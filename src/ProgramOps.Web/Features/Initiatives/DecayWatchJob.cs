using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Initiatives;

/// <summary>
/// The decay watch, every Monday: draws the arms of team experiments whose cohort's teams have formed since, then measures
/// each active initiative's effect week by week over the rolling window (<see cref="InitiativeMeasure"/>) and, in one short
/// transaction per initiative, replaces its stored points with the series as measured now and opens the CS action
/// "initiative wearing off" for its owner when the latest point wears off, or resolves it when the effect has recovered.
/// Idempotent: a second run stores the same points and opens nothing new; a run cut off mid-way leaves each initiative
/// either as it was or fully measured.
/// </summary>
public sealed class DecayWatchJob(Db db, LocalClock clock, AuditTrail audit, ILogger<DecayWatchJob> logger) : RecordedJob(db, clock.Time, logger)
{
    public static readonly JobKey Key = new("initiative-decay-watch", "initiatives");

    private const string Actor = "system";

    /// <summary>How far before a baseline's first week cohorts are read: a cohort started that long before still has check-in weeks in it.</summary>
    private const int CohortWeeksBeforeBaseline = FunnelSql.CurveWeeks + 1;

    private sealed record AwaitingArms
    {
        public int Id { get; init; }
        public int CohortId { get; init; }
        public int ArmSeed { get; init; }
    }

    public override async Task<JobResult> RunAsync(CancellationToken ct)
    {
        var today = clock.Today;
        List<AwaitingArms> awaiting;
        List<InitiativeRow> watched;
        await using (var connection = await Db.OpenAsync(ct))
        {
            awaiting = [.. await connection.QueryAsync<AwaitingArms>(new CommandDefinition(InitiativesSql.AwaitingArms, cancellationToken: ct))];
            watched = [.. await connection.QueryAsync<InitiativeRow>(new CommandDefinition(InitiativesSql.Watched, new { Today = today }, cancellationToken: ct))];
        }

        foreach (var experiment in awaiting)
        {
            await Db.InTransactionAsync((c, t) => InitiativeWrites.AssignArmsAsync(c, t, audit, experiment.Id, experiment.CohortId, experiment.ArmSeed, clock.UtcNow, ct), ct);
        }

        var items = 0;
        foreach (var initiative in watched)
        {
            var points = await MeasureAsync(initiative, today, ct);
            if (await RecordAsync(initiative, points, today, ct)) items++;
        }

        return new JobResult(items);
    }

    private async Task<IReadOnlyList<EffectPoint>> MeasureAsync(InitiativeRow initiative, DateOnly today, CancellationToken ct)
    {
        await using var connection = await Db.OpenAsync(ct);
        var parameters = new { initiative.Id };
        var cohorts = (await connection.QueryAsync<int>(new CommandDefinition(InitiativesSql.ScopeCohortIds, parameters, cancellationToken: ct))).ToHashSet();
        if (initiative.BaselineKind == BaselineKind.ControlTeams)
        {
            var arms = (await connection.QueryAsync<(long TeamId, Arm Arm)>(new CommandDefinition(InitiativesSql.Arms, parameters, cancellationToken: ct)))
                .ToDictionary(a => a.TeamId, a => a.Arm);
            var people = await connection.QueryAsync<MeasuredPerson>(new CommandDefinition(InitiativesSql.PeopleOfCohort, new { CohortId = cohorts.Single() }, cancellationToken: ct));
            return InitiativeMeasure.TeamExperiment(initiative.Design, [.. people], arms, today);
        }

        var versions = (await connection.QueryAsync<int>(new CommandDefinition(InitiativesSql.ScopeVersionIds, parameters, cancellationToken: ct))).ToHashSet();
        var from = InitiativeMeasure.WeekOf(initiative.StartDate).AddDays(-7 * ((initiative.BaselineWeeks ?? 0) + CohortWeeksBeforeBaseline));
        var program = (await connection.QueryAsync<MeasuredPerson>(new CommandDefinition(InitiativesSql.PeopleOfProgram,
            new { initiative.ProgramId, From = from }, commandTimeout: 300, cancellationToken: ct))).ToList();
        var scope = program.Where(p => cohorts.Contains(p.CohortId) || versions.Contains(p.ProgramVersionId)).ToList();
        return InitiativeMeasure.BeforeAfter(initiative.Design, scope, program, today);
    }

    /// <returns>Whether the CS action was opened or resolved.</returns>
    private Task<bool> RecordAsync(InitiativeRow initiative, IReadOnlyList<EffectPoint> points, DateOnly today, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var weekOf = InitiativeMeasure.WeekOf(initiative.StartDate);
        var conditionKey = CsActionRequest.InitiativeWearingOffKey(initiative.Id);
        return Db.InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync(new CommandDefinition(InitiativesSql.DeleteEffects, new { initiative.Id }, t, cancellationToken: ct));
            foreach (var point in points)
            {
                await c.ExecuteAsync(new CommandDefinition(InitiativesSql.InsertEffect, new
                {
                    initiative.Id, point.Week, WeekOf = weekOf.AddDays(7 * point.Week), point.Effect.Difference, point.Effect.Lower, point.Effect.Upper,
                    point.WearingOff, Now = now,
                }, t, cancellationToken: ct));
            }

            var open = await c.ExecuteScalarAsync<int>(new CommandDefinition(InitiativesSql.WearingOffActionOpen, new { ConditionKey = conditionKey }, t, cancellationToken: ct)) > 0;
            var latest = points.Count == 0 ? null : points[^1];
            switch (DecayWatch.ActionFor(latest, open))
            {
                case WatchAction.Open:
                    var request = CsActionRequest.InitiativeWearingOff(initiative.Id, initiative.Title, 100 * latest!.Effect.Difference, 100 * points[0].Effect.Difference,
                        initiative.OwnerId, null, today);
                    return await CsActions.OpenManyAsync(c, t, [request], Actor, now, ct) > 0;
                case WatchAction.Resolve:
                    return await CsActions.ResolveConditionAsync(c, t, conditionKey, Actor, now, ct) > 0;
                default:
                    return false;
            }
        }, ct);
    }
}
