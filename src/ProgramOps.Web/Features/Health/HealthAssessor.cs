using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.Web.Features.Health;

/// <summary>A client's health now: the value of each signal and, where any is known, the weighted score.</summary>
public sealed record ClientHealth(int ClientId, string Name, ClientSegment Segment, IReadOnlyDictionary<HealthSignal, double?> Values, HealthScore? Health);

/// <summary>
/// Reads every signal of one client or of all: cohort figures as the outcome reports count and suppress them (the
/// portfolio), engagement from the reporting read model, key persons, the activity log's last touch, open client requests and contract ends.
/// </summary>
public sealed class HealthAssessor(Db db, Portfolio portfolio, LocalClock clock)
{
    private sealed class ClientRow
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public ClientSegment Segment { get; init; }
    }

    private sealed class CountRow
    {
        public int ClientId { get; init; }
        public int Count { get; init; }
    }

    private sealed class RenewalRow
    {
        public int ClientId { get; init; }
        public DateOnly EndDate { get; init; }
    }

    private sealed class MapRow
    {
        public int CohortId { get; init; }
        public int ClientId { get; init; }
        public string Weeks { get; init; } = "";
        public int People { get; init; }
    }

    private static readonly string[] Finished = [nameof(CohortStatus.Completed), nameof(CohortStatus.Reported)];

    public async Task<ClientHealth?> AssessAsync(int clientId, CancellationToken ct) => (await AssessAsync((int?)clientId, ct)).SingleOrDefault();

    public Task<IReadOnlyList<ClientHealth>> AssessAllAsync(CancellationToken ct) => AssessAsync(null, ct);

    private async Task<IReadOnlyList<ClientHealth>> AssessAsync(int? clientId, CancellationToken ct)
    {
        var today = clock.Today;
        var args = new { ClientId = clientId, Today = today };
        List<ClientRow> clients;
        HashSet<int> decisionMakers;
        Dictionary<int, int> requests;
        Dictionary<int, DateOnly> renewals;
        Dictionary<ClientSegment, IReadOnlyDictionary<HealthSignal, int>> weights;
        IReadOnlyDictionary<int, DateOnly> lastTouches;
        await using (var c = await db.OpenAsync(ct))
        {
            clients = [.. await c.QueryAsync<ClientRow>(new CommandDefinition(AccountHealthSql.Clients, args, cancellationToken: ct))];
            if (clients.Count == 0) return [];
            decisionMakers = [.. await c.QueryAsync<int>(new CommandDefinition(AccountHealthSql.DecisionMakers, args, cancellationToken: ct))];
            requests = (await c.QueryAsync<CountRow>(new CommandDefinition(AccountHealthSql.OpenRequests, args, cancellationToken: ct))).ToDictionary(r => r.ClientId, r => r.Count);
            renewals = (await c.QueryAsync<RenewalRow>(new CommandDefinition(AccountHealthSql.NextRenewals, args, cancellationToken: ct))).ToDictionary(r => r.ClientId, r => r.EndDate);
            lastTouches = clientId is { } id ? await LastTouchOfAsync(c, id, ct) : await ClientTouches.LastTouchPerClientAsync(c, null, ct);
            weights = (await c.QueryAsync<HealthWeightsRow>(new CommandDefinition(AccountHealthSql.Weights, cancellationToken: ct))).ToDictionary(w => w.Segment, w => w.BySignal());
        }

        var cohorts = await CohortFiguresAsync(clientId, ct);
        var pools = await ProgramPoolsAsync(clientId, cohorts, ct);
        var running = cohorts.Where(r => r.Status == nameof(CohortStatus.Running)).GroupBy(r => r.ClientId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.StartDate)!);
        var engagement = await EngagementAsync(clientId, running.Values, today, ct);
        var byClient = cohorts.ToLookup(r => r.ClientId);

        return [.. clients.Select(client =>
        {
            var rows = byClient[client.Id].ToList();
            var latest = rows.Where(r => r.Enrolled is not null).MaxBy(r => r.StartDate);
            var finished = rows.Where(r => Finished.Contains(r.Status) && r.Itt is not null).MaxBy(r => r.StartDate);
            var values = new Dictionary<HealthSignal, double?>
            {
                [HealthSignal.Participation] = latest?.Participation?.Share,
                [HealthSignal.Enrolment] = latest is { Seats: > 0, Enrolled: { } enrolled } ? (double)enrolled / latest.Seats : null,
                [HealthSignal.Engagement] = running.TryGetValue(client.Id, out var r) ? engagement.GetValueOrDefault((r.CohortId, client.Id)) : null,
                [HealthSignal.Outcome] = finished?.Itt is { } itt && pools.TryGetValue(finished.ProgramId, out var pool) ? itt.Share - pool : null,
                [HealthSignal.Nps] = rows.Where(x => Finished.Contains(x.Status) && x.Nps is not null).MaxBy(x => x.StartDate)?.Nps,
                [HealthSignal.DecisionMaker] = decisionMakers.Contains(client.Id) ? 1 : 0,
                // From the activity log: a client never touched since the log began is unknown rather than neglected.
                [HealthSignal.LastTouch] = lastTouches.TryGetValue(client.Id, out var touch) ? today.DayNumber - touch.DayNumber : null,
                [HealthSignal.ClientRequests] = requests.GetValueOrDefault(client.Id),
                [HealthSignal.Renewal] = renewals.TryGetValue(client.Id, out var end) ? end.DayNumber - today.DayNumber : null,
            };
            var clientWeights = weights.GetValueOrDefault(client.Segment) ?? new Dictionary<HealthSignal, int>();
            return new ClientHealth(client.Id, client.Name, client.Segment, values, HealthScore.Of(values, clientWeights));
        })];
    }

    private static async Task<IReadOnlyDictionary<int, DateOnly>> LastTouchOfAsync(DbConnection c, int clientId, CancellationToken ct) =>
        await ClientTouches.LastTouchOfClientAsync(c, clientId, ct) is { } touched ? new Dictionary<int, DateOnly> { [clientId] = touched } : [];

    private async Task<List<PortfolioRow>> CohortFiguresAsync(int? clientId, CancellationToken ct) =>
        await portfolio.ReadAsync(new PortfolioFilter { ClientId = clientId }, ct);

    /// <summary>Each program's ITT quit rate pooled over every client's finished cohorts (all clients' rows, even for one client).</summary>
    private async Task<Dictionary<int, double>> ProgramPoolsAsync(int? clientId, List<PortfolioRow> rows, CancellationToken ct)
    {
        var pooled = rows;
        if (clientId is not null)
        {
            pooled = [];
            foreach (var programId in rows.Select(r => r.ProgramId).Distinct())
            {
                pooled.AddRange(await portfolio.ReadAsync(new PortfolioFilter { ProgramId = programId }, ct));
            }
        }

        return pooled.Where(r => Finished.Contains(r.Status) && r.Itt is { Total: > 0 })
            .GroupBy(r => r.ProgramId)
            .ToDictionary(g => g.Key, g => (double)g.Sum(r => r.Itt!.Count) / g.Sum(r => r.Itt!.Total));
    }

    private async Task<Dictionary<(int CohortId, int ClientId), double?>> EngagementAsync(int? clientId, IEnumerable<PortfolioRow> running, DateOnly today, CancellationToken ct)
    {
        var cohorts = running.ToList();
        if (cohorts.Count == 0) return [];
        await using var c = await db.OpenAsync(ct);
        var maps = (await c.QueryAsync<MapRow>(new CommandDefinition(AccountHealthSql.CheckInMaps,
            new { CohortIds = cohorts.Select(r => r.CohortId).Distinct().ToArray(), ClientId = clientId }, cancellationToken: ct)))
            .ToLookup(m => (m.CohortId, m.ClientId), m => (m.Weeks, m.People));
        return cohorts.ToDictionary(r => (r.CohortId, r.ClientId), r => EngagementTrend.Of(r.StartDate, today, [.. maps[(r.CohortId, r.ClientId)]]));
    }
}
