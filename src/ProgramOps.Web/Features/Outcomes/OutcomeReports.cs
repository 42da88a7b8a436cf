using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>Draws a client's report on a cohort from the reporting read model: a handful of aggregate queries.</summary>
public sealed class OutcomeReports(Db db, LocalClock clock)
{
    private sealed class CohortRow
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public DateOnly StartDate { get; init; }
        public int ProgramId { get; init; }
        public int VersionNumber { get; init; }
        public string Definition { get; init; } = "";
    }

    private sealed class CohortClientRow
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public int Seats { get; init; }
        public int Enrolled { get; init; }
    }

    private sealed class ScoreCount
    {
        public int Score { get; init; }
        public int Count { get; init; }
    }

    private sealed class PreviousCohort
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
    }

    /// <summary>The report, or null when the cohort does not exist or the client has no seats in it.</summary>
    public async Task<ClientReport?> DrawAsync(int cohortId, int clientId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var cohort = await c.QuerySingleOrDefaultAsync<CohortRow>(new CommandDefinition(OutcomesSql.Cohort, new { CohortId = cohortId }, cancellationToken: ct));
        if (cohort is null) return null;
        var clients = (await c.QueryAsync<CohortClientRow>(new CommandDefinition(OutcomesSql.CohortClients, new { CohortId = cohortId }, cancellationToken: ct))).ToList();
        var client = clients.SingleOrDefault(x => x.Id == clientId);
        if (client is null) return null;

        var settings = await SettingsAsync(c, clientId, ct);
        var program = ProgramDefinitionJson.Deserialize(cohort.Definition);
        var today = clock.Today;
        var programOver = today >= cohort.StartDate.AddDays(program.DurationWeeks * 7) || cohort.Status is "Completed" or "Reported";
        var reportWeek = programOver ? program.DurationWeeks : ProgramWeek.Of(cohort.StartDate, today) ?? 0;
        var scope = ReportScope.Decide(client.Enrolled, clients.Sum(x => x.Enrolled), settings.K);
        int? scopeClient = scope == ReportScopeKind.ClientSlice ? clientId : null;

        var contracts = (await c.QueryAsync<ReportContract>(new CommandDefinition(OutcomesSql.Contracts, new { CohortId = cohortId, ClientId = scopeClient }, cancellationToken: ct))).ToList();
        OutcomeFigures? figures = null;
        var invoice = new List<InvoiceLine>();
        if (scope != ReportScopeKind.Withheld)
        {
            var kind = KindOf(program);
            var groups = await GroupsAsync(c, [cohortId], scopeClient, ct);
            figures = OutcomeFigures.Build(await InputsAsync(c, cohortId, scopeClient, groups, kind, program.DurationWeeks, reportWeek, ct), settings.K);
            invoice = [.. Invoice(contracts.Where(k => scope == ReportScopeKind.ClientSlice), groups, figures)];
        }

        var quotes = await c.QueryAsync<string>(new CommandDefinition(OutcomesSql.QuoteTexts, new { CohortId = cohortId, ClientId = clientId }, cancellationToken: ct));
        return new ClientReport
        {
            CohortId = cohortId, CohortName = cohort.Name, CohortStatus = cohort.Status, StartDate = cohort.StartDate,
            Program = program, ProgramVersion = cohort.VersionNumber, ClientId = clientId, ClientName = client.Name, Scope = scope,
            ClientsInCohort = clients.Count, DrawnOn = today, ReportWeek = reportWeek, ProgramOver = programOver, Figures = figures,
            Contracts = contracts, Assumptions = settings.Assumptions, Invoice = invoice, K = settings.K,
            Comparisons = scope == ReportScopeKind.Withheld ? [] : await ComparisonsAsync(c, cohort, clientId, program, settings.K, ct),
            Quotes = [.. quotes],
        };
    }

    public static async Task<ReportSettings> SettingsAsync(DbConnection c, int clientId, CancellationToken ct) =>
        await c.QuerySingleOrDefaultAsync<ReportSettings>(new CommandDefinition(OutcomesSql.Settings, new { ClientId = clientId }, cancellationToken: ct))
        ?? new ReportSettings();

    public static OutcomeKind KindOf(ProgramDefinition program) => program.Success switch
    {
        SelfReportedAbstinence => OutcomeKind.Abstinence,
        BodyMeasureChange => OutcomeKind.BodyMeasures,
        _ => OutcomeKind.Recorded,
    };

    /// <summary>Cohorts per read: their ids go in one IN list, well under SQL Server's 2,100 parameters.</summary>
    internal const int MaxCohortsPerRead = 500;

    /// <summary>The participants of the cohorts (and client, or null for all), grouped as a report counts them; any number of cohorts.</summary>
    internal static async Task<List<ParticipantGroup>> GroupsAsync(DbConnection c, int[] cohortIds, int? clientId, CancellationToken ct)
    {
        var groups = new List<ParticipantGroup>();
        foreach (var chunk in cohortIds.Chunk(MaxCohortsPerRead))
        {
            groups.AddRange(await c.QueryAsync<ParticipantGroup>(new CommandDefinition(OutcomesSql.ParticipantGroups,
                new { CohortIds = chunk, ClientId = clientId, CoCutoff = QuitOutcome.CoVerifiedBelowPpm }, cancellationToken: ct)));
        }

        return groups;
    }

    private static async Task<ReportInputs> InputsAsync(
        DbConnection c, int cohortId, int? clientId, List<ParticipantGroup> groups, OutcomeKind kind, int durationWeeks, int reportWeek, CancellationToken ct)
    {
        var scope = new { CohortIds = new[] { cohortId }, ClientId = clientId };
        var checkedIn = await c.QueryAsync<CheckInWeekMaps.PeopleByMap>(new CommandDefinition(OutcomesSql.CheckInWeekGroups, scope, cancellationToken: ct));
        var teams = await c.ExecuteScalarAsync<int>(new CommandDefinition(OutcomesSql.TeamsInScope, scope, cancellationToken: ct));
        var teamMembers = await c.QueryAsync<CheckInWeekMaps.TeamMembersByMap>(new CommandDefinition(OutcomesSql.TeamCheckInWeeks, scope, cancellationToken: ct));
        var satisfaction = await SatisfactionAsync(c, [cohortId], clientId, ct);
        return new ReportInputs(groups, kind, durationWeeks, reportWeek,
            CheckInWeekMaps.CheckedInPerWeek(checkedIn), teams, CheckInWeekMaps.ActiveTeamsPerWeek(teamMembers, ReportInputs.MinActiveTeamMembers), satisfaction);
    }

    /// <summary>The satisfaction answers per score of the cohorts (and client, or null for all); any number of cohorts.</summary>
    private static async Task<List<(int Score, int Count)>> SatisfactionAsync(DbConnection c, int[] cohortIds, int? clientId, CancellationToken ct)
    {
        var counts = new List<ScoreCount>();
        foreach (var chunk in cohortIds.Chunk(MaxCohortsPerRead))
            counts.AddRange(await c.QueryAsync<ScoreCount>(new CommandDefinition(OutcomesSql.Satisfaction, new { CohortIds = chunk, ClientId = clientId }, cancellationToken: ct)));
        return [.. counts.GroupBy(s => s.Score).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(s => s.Count)))];
    }

    private static async Task<List<ComparisonScope>> ComparisonsAsync(DbConnection c, CohortRow cohort, int clientId, ProgramDefinition program, int k, CancellationToken ct)
    {
        var kind = KindOf(program);
        var comparisons = new List<ComparisonScope>();
        var others = (await c.QueryAsync<int>(new CommandDefinition(OutcomesSql.OtherEndedCohorts, new { cohort.ProgramId, CohortId = cohort.Id }, cancellationToken: ct))).ToArray();
        if (others.Length > 0)
        {
            var groups = await GroupsAsync(c, others, null, ct);
            var inputs = ReportInputs.OutcomesOnly(groups, kind, program.DurationWeeks, await SatisfactionAsync(c, others, null, ct));
            comparisons.Add(new ComparisonScope("Pooled", others.Length, OutcomeFigures.Build(inputs, k)));
        }

        var previous = (await c.QueryAsync<PreviousCohort>(new CommandDefinition(OutcomesSql.PreviousCohorts,
            new { cohort.ProgramId, cohort.StartDate, ClientId = clientId }, cancellationToken: ct))).FirstOrDefault();
        if (previous is not null)
        {
            var groups = await GroupsAsync(c, [previous.Id], clientId, ct);
            var inputs = ReportInputs.OutcomesOnly(groups, kind, program.DurationWeeks, await SatisfactionAsync(c, [previous.Id], clientId, ct));
            comparisons.Add(new ComparisonScope(previous.Name, 1, OutcomeFigures.Build(inputs, k)));
        }

        return comparisons;
    }

    /// <summary>
    /// Invoice lines per contract. With one contract its counts are the report's (shown or hidden alike); with several,
    /// a contract's count is shown only when it and the rest of the client's slice are each 0 or at least k.
    /// </summary>
    private static IEnumerable<InvoiceLine> Invoice(IEnumerable<ReportContract> contracts, List<ParticipantGroup> groups, OutcomeFigures figures)
    {
        var list = contracts.ToList();
        var k = figures.K;
        foreach (var contract in list)
        {
            foreach (var line in PayForResults.Lines(contract, basis =>
            {
                var (figure, count) = basis switch
                {
                    FeeBasis.IttSuccess => (FigureNames.Succeeded, (Func<ParticipantGroup, bool>)(g => g.Enrolled && g.Succeeded(figures.Kind))),
                    FeeBasis.VerifiedSuccess => (FigureNames.Verified, g => g.Enrolled && g.Succeeded(figures.Kind) && g.CoBelowCutoff),
                    _ => (FigureNames.Completed, g => g.Enrolled && g.Completed),
                };
                var total = figures.Shown(figure);
                if (list.Count == 1 || total is null) return total;
                var own = groups.Where(g => g.ContractId == contract.Id && count(g)).Sum(g => g.People);
                bool Safe(int n) => n == 0 || n >= k;
                return Safe(own) && Safe(total.Value - own) ? own : null;
            }))
            {
                yield return line;
            }
        }
    }
}
