using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Clients.Signals;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Clients.Playbooks;

/// <summary>
/// Playbooks (daily): every client gets the tasks of its segment's and CS type's playbook as actions when they come due
/// (<see cref="PlaybookScheduling"/>), each task once per event whatever became of it, for the client's CS or BizDev
/// owner as the task says. One transaction: a run cut off midway makes nothing, and the next run makes it all.
/// </summary>
public sealed class PlaybookJob(Db db, LocalClock clock, ILogger<PlaybookJob> logger) : RecordedJob(db, clock.Time, logger)
{
    public static readonly JobKey Key = new("playbooks", "clients");

    private sealed record ClientRow
    {
        public int Id { get; init; }
        public ClientSegment Segment { get; init; }
        public CsType CsType { get; init; }
        public int? CsOwnerId { get; init; }
        public int? BizDevOwnerId { get; init; }
    }

    private sealed record ContractRow
    {
        public int ContractId { get; init; }
        public int ClientId { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
    }

    private sealed record CohortPartRow
    {
        public int CohortId { get; init; }
        public int ClientId { get; init; }
        public DateOnly EnrolmentOpens { get; init; }
        public DateOnly StartDate { get; init; }
        public int ProgramVersionId { get; init; }
        public DateTimeOffset? FinalReportIssuedAt { get; init; }
    }

    public override async Task<JobResult> RunAsync(CancellationToken ct) => await Db.InTransactionAsync(async (c, t) =>
    {
        var today = clock.Today;
        var tasks = (await c.QueryAsync<PlaybookTaskRow>(new CommandDefinition(PlaybooksSql.AllTasks, transaction: t, cancellationToken: ct)))
            .ToLookup(task => (task.Segment, task.CsType));
        var contracts = (await c.QueryAsync<ContractRow>(new CommandDefinition(PlaybooksSql.ActiveContracts, transaction: t, cancellationToken: ct)))
            .ToLookup(k => k.ClientId, k => new ContractDates(k.ContractId, k.StartDate, k.EndDate));
        var cohorts = (await CohortDatesAsync(c, t, ct)).ToLookup(x => x.ClientId, x => x.Dates);
        var clients = await c.QueryAsync<ClientRow>(new CommandDefinition(PlaybooksSql.Clients, transaction: t, cancellationToken: ct));

        var due = clients.SelectMany(client =>
            PlaybookScheduling.Due(tasks[(client.Segment, client.CsType)], [.. PlaybookScheduling.Events(contracts[client.Id], cohorts[client.Id])], today)
                .Select(s => CsActionRequest.PlaybookTask(s.Task.Id, client.Id, s.Event.Key, s.Task.InstructionJa, s.Task.InstructionEn, s.DueOn,
                    s.Task.OwnerRole == PlaybookRole.Cs ? client.CsOwnerId : client.BizDevOwnerId, s.Event.CohortId, s.Event.ContractId)));
        return new JobResult(await CsActions.OpenOnceAsync(c, t, due, TransitionCause.System, clock.UtcNow, ct));
    }, ct);

    private async Task<IEnumerable<(int ClientId, CohortDates Dates)>> CohortDatesAsync(DbConnection c, DbTransaction t, CancellationToken ct)
    {
        var parts = (await c.QueryAsync<CohortPartRow>(new CommandDefinition(PlaybooksSql.CohortParts, transaction: t, cancellationToken: ct))).ToList();
        if (parts.Count == 0) return [];
        var programs = (await c.QueryAsync<(int Id, string Definition)>(new CommandDefinition(ClientSignalsSql.ProgramDefinitions,
                new { Ids = parts.Select(p => p.ProgramVersionId).Distinct().ToArray() }, t, cancellationToken: ct)))
            .ToDictionary(v => v.Id, v => ProgramDefinitionJson.Deserialize(v.Definition));
        return parts.Select(p => (p.ClientId, new CohortDates(p.CohortId, p.EnrolmentOpens, p.StartDate, programs[p.ProgramVersionId].EndsOn(p.StartDate),
            p.FinalReportIssuedAt is { } issued ? DateOnly.FromDateTime(clock.ToLocal(issued).DateTime) : null)));
    }
}
