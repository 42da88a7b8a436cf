using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Health;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Clients.Signals;

/// <summary>
/// Client signals (daily): opens the client-level required actions (<see cref="ClientSignalRules"/>) whose condition
/// holds and resolves those whose condition cleared, in one transaction, so a run cut off midway leaves nothing
/// half-written and a second run changes nothing.
/// </summary>
public sealed class ClientSignalsJob(Db db, LocalClock clock, ILogger<ClientSignalsJob> logger) : RecordedJob(db, clock.Time, logger)
{
    public static readonly JobKey Key = new("client-signals", "clients");

    /// <summary>The kinds this job opens and resolves: each is made to match what the job finds.</summary>
    public static readonly CsActionKind[] Kinds =
    [
        CsActionKind.ClientHealthLow, CsActionKind.NoDecisionMaker, CsActionKind.NoRecentTouch, CsActionKind.SeatsNearlyUsed,
        CsActionKind.CohortUnderEnrolled, CsActionKind.ReportDue,
    ];

    private sealed record ClientRow
    {
        public int ClientId { get; init; }
        public ClientSegment Segment { get; init; }
        public TouchModel TouchModel { get; init; }
        public int? BizDevOwnerId { get; init; }
        public bool IsCustomer { get; init; }
        public bool HasDecisionMaker { get; init; }
    }

    private sealed record ContractRow
    {
        public int ContractId { get; init; }
        public int ClientId { get; init; }
        public int? BizDevOwnerId { get; init; }
        public string ProgramName { get; init; } = "";
        public int Seats { get; init; }
        public int SeatsUsed { get; init; }
    }

    private sealed record SliceRow
    {
        public int CohortId { get; init; }
        public int ClientId { get; init; }
        public int? BizDevOwnerId { get; init; }
        public CohortStatus Status { get; init; }
        public DateOnly StartDate { get; init; }
        public int ProgramVersionId { get; init; }
        public int Capacity { get; init; }
        public int Enrolled { get; init; }
        public bool FinalReportIssued { get; init; }
    }

    public override async Task<JobResult> RunAsync(CancellationToken ct) => await Db.InTransactionAsync(async (c, t) =>
    {
        var today = clock.Today;
        var thresholds = (await ClientSignalThresholds.ReadAsync(c, t, ct)).ToThresholds();
        var found = new List<CsActionRequest>();
        found.AddRange(await ClientRequestsAsync(c, t, thresholds, today, ct));
        found.AddRange((await c.QueryAsync<ContractRow>(new CommandDefinition(ClientSignalsSql.ContractSeats, new { Today = today }, t, cancellationToken: ct)))
            .Select(k => ClientSignalRules.ForContract(new ContractSeatFacts(k.ContractId, k.ClientId, k.BizDevOwnerId, k.ProgramName, k.Seats, k.SeatsUsed), thresholds, today))
            .OfType<CsActionRequest>());
        found.AddRange(await CohortRequestsAsync(c, t, thresholds, today, ct));

        var byKind = found.ToLookup(r => r.Kind);
        var opened = 0;
        foreach (var kind in Kinds)
        {
            opened += await CsActions.ReconcileAsync(c, t, kind, [.. byKind[kind]], TransitionCause.System, clock.UtcNow, ct);
        }

        return new JobResult(opened);
    }, ct);

    private static async Task<IEnumerable<CsActionRequest>> ClientRequestsAsync(DbConnection c, DbTransaction t, SignalThresholds thresholds, DateOnly today, CancellationToken ct)
    {
        var health = await LatestHealthScores.ReadAsync(c, ct, t);
        var touches = await ClientTouches.LastTouchPerClientAsync(c, t, ct);
        var noTouchDays = (await ClientTouches.SettingsAsync(c, t, ct)).ToDictionary(s => s.Segment, s => s.NoTouchDays);
        var clients = await c.QueryAsync<ClientRow>(new CommandDefinition(ClientSignalsSql.Clients, new { Today = today }, t, cancellationToken: ct));
        return clients.SelectMany(row => ClientSignalRules.ForClient(
            new ClientSignalFacts(row.ClientId, row.Segment, row.TouchModel, row.BizDevOwnerId, row.IsCustomer, row.HasDecisionMaker,
                health.TryGetValue(row.ClientId, out var score) ? score : null, touches.TryGetValue(row.ClientId, out var touched) ? touched : null),
            thresholds, noTouchDays[row.Segment], today)).ToList();
    }

    private static async Task<IEnumerable<CsActionRequest>> CohortRequestsAsync(DbConnection c, DbTransaction t, SignalThresholds thresholds, DateOnly today, CancellationToken ct)
    {
        var slices = (await c.QueryAsync<SliceRow>(new CommandDefinition(ClientSignalsSql.CohortSlices, new { Today = today }, t, cancellationToken: ct))).ToList();
        if (slices.Count == 0) return [];
        var definitions = (await c.QueryAsync<(int Id, string Definition)>(new CommandDefinition(ClientSignalsSql.ProgramDefinitions,
                new { Ids = slices.Select(s => s.ProgramVersionId).Distinct().ToArray() }, t, cancellationToken: ct)))
            .ToDictionary(v => v.Id, v => ProgramDefinitionJson.Deserialize(v.Definition));
        return slices.SelectMany(s => ClientSignalRules.ForCohortSlice(
            new CohortSliceFacts(s.CohortId, s.ClientId, s.BizDevOwnerId, s.Status, definitions[s.ProgramVersionId].EndsOn(s.StartDate), s.Capacity, s.Enrolled, s.FinalReportIssued),
            thresholds, today)).ToList();
    }
}
