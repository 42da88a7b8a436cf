using ProgramOps.Web.Features.Clients;

namespace ProgramOps.Web.Features.Home;

/// <summary>A BizDev's accounts: their clients with status and next renewal, reports due to them, renewals coming, their actions due.</summary>
public sealed record BizDevHome(
    IReadOnlyList<BizDevHome.Client> Clients, int ClientsTotal, IReadOnlyDictionary<ClientStatus, int> ClientsByStatus,
    IReadOnlyList<BizDevHome.ReportDue> ReportsDue, IReadOnlyList<Renewal> Renewals, IReadOnlyList<HomeAction> ActionsDue, int ActionsDueTotal)
{
    public const int ClientsShown = 15;
    public const int ReportsShown = 20;
    public const int RenewalsShown = 20;

    public sealed record Client(int Id, string Name, ClientStatus Status, DateOnly? RenewalOn);

    public sealed record ReportDue
    {
        public int CohortId { get; init; }
        public required string CohortName { get; init; }
        public int ClientId { get; init; }
        public required string ClientName { get; init; }
    }

    public static async Task<BizDevHome> LoadAsync(DbConnection c, SqlDialect dialect, int userId, DateOnly today, CancellationToken ct)
    {
        var mine = (await c.QueryAsync<(int Id, string Name)>(new CommandDefinition(HomeSql.ClientsOfBizDev, new { UserId = userId }, cancellationToken: ct))).AsList();
        var terms = new List<(int ClientId, DateOnly StartDate, DateOnly EndDate, ContractStatus Status)>();
        // SQL Server takes at most 2,100 parameters in a statement.
        foreach (var ids in mine.Select(m => m.Id).Chunk(1_000))
        {
            terms.AddRange(await c.QueryAsync<(int, DateOnly, DateOnly, ContractStatus)>(new CommandDefinition(ClientsSql.TermsOfClients, new { ClientIds = ids }, cancellationToken: ct)));
        }

        var termsByClient = terms.ToLookup(t => t.ClientId, t => new ContractTerm(t.StartDate, t.EndDate, t.Status));
        var clients = mine.Select(m => new Client(m.Id, m.Name, ClientStatusRules.Derive(termsByClient[m.Id], today), RenewalOn(termsByClient[m.Id], today))).ToList();
        var shown = clients
            .OrderBy(x => x.RenewalOn ?? DateOnly.MaxValue).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(ClientsShown).ToList();

        var reports = (await c.QueryAsync<ReportDue>(new CommandDefinition(HomeSql.ReportsDue(dialect),
            new { UserId = userId, Skip = 0, Take = ReportsShown }, cancellationToken: ct))).AsList();
        var renewals = await Renewal.UpcomingAsync(c, dialect, userId, today, RenewalsShown, ct);
        var (actions, total) = await HomeAction.DueAsync(c, dialect, userId, today.AddDays(CsHome.ActionsHorizonDays), CsHome.ActionsShown, ct);
        return new BizDevHome(shown, clients.Count, clients.GroupBy(x => x.Status).ToDictionary(g => g.Key, g => g.Count()), reports, renewals, actions, total);
    }

    /// <summary>The day the account is next up for renewal: the end of the earliest active contract still running or to come.</summary>
    public static DateOnly? RenewalOn(IEnumerable<ContractTerm> terms, DateOnly today) =>
        terms.Where(t => t.Status == ContractStatus.Active && t.EndDate >= today).Select(t => (DateOnly?)t.EndDate).Min();
}

/// <summary>An active contract ending within <see cref="ClientStatusRules.RenewalWindowDays"/> days.</summary>
public sealed record Renewal
{
    public int ClientId { get; init; }
    public required string ClientName { get; init; }
    public required string ProgramName { get; init; }
    public DateOnly EndDate { get; init; }
    public bool AutoRenew { get; init; }
    public int Seats { get; init; }

    /// <param name="bizDevOwnerId">Only this BizDev owner's clients, or null for every client.</param>
    public static async Task<IReadOnlyList<Renewal>> UpcomingAsync(DbConnection c, SqlDialect dialect, int? bizDevOwnerId, DateOnly today, int take, CancellationToken ct) =>
        (await c.QueryAsync<Renewal>(new CommandDefinition(HomeSql.UpcomingRenewals(dialect),
            new { Today = today, Until = today.AddDays(ClientStatusRules.RenewalWindowDays), BizDevOwnerId = bizDevOwnerId, Skip = 0, Take = take },
            cancellationToken: ct))).AsList();
}
