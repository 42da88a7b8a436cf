using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Features.Clients.Contracts;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Clients;

/// <summary>
/// Renewals (daily): a contract 90, 60 and 30 days before its end gets an action for the client's BizDev owner, one
/// per milestone; an action closes itself when its milestone has passed or the contract was renewed or ended. Each
/// action opened is written to the client's activity log once.
/// </summary>
public sealed class RenewalsJob(Db db, LocalClock clock, ILogger<RenewalsJob> logger) : RecordedJob(db, clock.Time, logger)
{
    public static readonly JobKey Key = new("renewals", "clients");
    private static readonly int[] Milestones = [30, 60, 90];

    private sealed record ContractRow
    {
        public int Id { get; init; }
        public int ClientId { get; init; }
        public DateOnly EndDate { get; init; }
        public int? BizDevOwnerId { get; init; }
        public string ProgramName { get; init; } = "";
    }

    public override async Task<JobResult> RunAsync(CancellationToken ct) => await Db.InTransactionAsync(async (c, t) =>
    {
        var today = clock.Today;
        var contracts = (await c.QueryAsync<ContractRow>(new CommandDefinition(ContractsSql.EndingSoon,
            new { Today = today, Until = today.AddDays(Milestones[^1]) }, t, cancellationToken: ct))).ToList();
        var due = contracts.Select(contract =>
        {
            var daysLeft = contract.EndDate.DayNumber - today.DayNumber;
            return (contract, Request: CsActionRequest.Renewal(contract.Id, contract.ClientId, contract.BizDevOwnerId, Milestones.First(m => daysLeft <= m), daysLeft, today));
        }).ToList();
        var opened = await CsActions.ReconcileAsync(c, t, CsActionKind.ContractRenewal, [.. due.Select(d => d.Request)], TransitionCause.System, clock.UtcNow, ct);
        foreach (var (contract, request) in due)
        {
            await ClientActivityLog.AppendAsync(c, t, Db.Dialect, new ClientActivityEntry(contract.ClientId, ClientActivityKind.RenewalActionOpened, today,
                $"{contract.ProgramName} {contract.EndDate:yyyy-MM-dd}", SystemKey: $"renewal:{request.ConditionKey}"), null, TransitionCause.System, clock.UtcNow, ct);
        }

        return new JobResult(opened);
    }, ct);
}
