using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Supplies;

/// <summary>
/// Supplies (daily): every program shipment that has come due becomes a Due shipment of each enrolled participant
/// (set-based, one statement per cohort and week), and every shipment that came back, failed on its address or is
/// overdue with the fulfilment partner gets a CS action, which closes itself once the shipment moves on. Idempotent:
/// a shipment per participant and week, an action per shipment and problem.
/// </summary>
public sealed class SuppliesJob(Db db, LocalClock clock, ILogger<SuppliesJob> logger) : RecordedJob(db, clock.Time, logger)
{
    public static readonly JobKey Key = new("supplies", "supplies");

    private sealed record ShipmentWithProblem
    {
        public long Id { get; init; }
        public required string Item { get; init; }
        public string? ItemEn { get; init; }
        public int Week { get; init; }
        public long ParticipantId { get; init; }
        public int CohortId { get; init; }
        public int ClientId { get; init; }
        public required string Problem { get; init; }
    }

    public override async Task<JobResult> RunAsync(CancellationToken ct)
    {
        var items = 0;
        foreach (var cohort in await CohortDays.LoadAsync(Db, SuppliesSql.SupplyingCohorts, clock.UtcNow, ct))
        {
            ct.ThrowIfCancellationRequested();
            items += await CreateDueShipmentsAsync(cohort, ct);
        }

        return new JobResult(items + await FollowUpProblemsAsync(ct));
    }

    /// <summary>
    /// The cohort's due shipments in one transaction of its own: a run cut off between two cohorts leaves each whole,
    /// and the next run creates what is still missing.
    /// </summary>
    /// <returns>How many shipments were created.</returns>
    public Task<int> CreateDueShipmentsAsync(CohortDay cohort, CancellationToken ct)
    {
        var due = ShipmentSchedule.DueBy(cohort.Program.Shipments, cohort.StartDate, cohort.Today);
        return Db.InTransactionAsync(async (c, t) =>
        {
            var created = 0;
            foreach (var shipment in due)
            {
                created += await c.ExecuteAsync(new CommandDefinition(SuppliesSql.CreateDue, new
                {
                    cohort.CohortId, Week = shipment.SupplyWeek, shipment.Item, shipment.ItemEn, shipment.DueOn, Now = clock.UtcNow, Actor = TransitionCause.System,
                }, t, cancellationToken: ct));
            }

            return created;
        }, ct);
    }

    /// <summary>Closes the actions whose shipment moved on, then opens one for each shipment with a problem and none open.</summary>
    /// <returns>How many actions were opened.</returns>
    private Task<int> FollowUpProblemsAsync(CancellationToken ct) => Db.InTransactionAsync(async (c, t) =>
    {
        var today = clock.Today;
        await ShipmentWrites.ResolveClearedActionsAsync(c, t, today, TransitionCause.System, clock.UtcNow, ct);
        var problems = await c.QueryAsync<ShipmentWithProblem>(new CommandDefinition(SuppliesSql.ProblemsWithoutAction,
            ShipmentWrites.OverdueParameters(today, TransitionCause.System, clock.UtcNow), t, cancellationToken: ct));
        return await CsActions.OpenManyAsync(c, t, problems.Select(problem => CsActionRequest.ShipmentProblem(problem.Id, problem.Problem, problem.Item, problem.ItemEn, problem.Week,
            problem.ParticipantId, problem.CohortId, problem.ClientId, today)), TransitionCause.System, clock.UtcNow, ct);
    }, ct);
}
