using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>Which cohorts and clients the portfolio shows; every part null or empty means any.</summary>
public sealed record PortfolioFilter
{
    public int? ProgramId { get; init; }
    public int? VersionNumber { get; init; }
    public int? ClientId { get; init; }
    public ClientSegment? Segment { get; init; }
    /// <summary>Cohorts starting on or after this day.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Cohorts starting on or before this day.</summary>
    public DateOnly? To { get; init; }
}

/// <summary>One client's part of one cohort with its headline figures, counted and suppressed exactly as its report counts them.</summary>
public sealed class PortfolioRow
{
    public int CohortId { get; init; }
    public string CohortName { get; init; } = "";
    public string Status { get; init; } = "";
    public DateOnly StartDate { get; init; }
    public int ProgramId { get; init; }
    public string ProgramCode { get; init; } = "";
    public int VersionNumber { get; init; }
    public int ProgramVersionId { get; init; }
    public int ClientId { get; init; }
    public string ClientName { get; init; } = "";
    public ClientSegment Segment { get; init; }
    public int Seats { get; init; }
    public int? EligiblePopulation { get; init; }

    public int K { get; private set; } = SuppressionThreshold.Default;
    public int? Enrolled { get; private set; }
    /// <summary>Enrolled ÷ eligible population (参加率).</summary>
    public Rate? Participation { get; private set; }
    /// <summary>Succeeded ÷ enrolled, intention to treat.</summary>
    public Rate? Itt { get; private set; }
    public Rate? Completion { get; private set; }
    public double? Nps { get; private set; }

    internal void Count(OutcomeFigures figures)
    {
        K = figures.K;
        Enrolled = figures.Shown(FigureNames.Enrolled);
        Participation = Enrolled is { } enrolled && EligiblePopulation is { } eligible && eligible >= enrolled ? new Rate(enrolled, eligible) : null;
        Itt = NonEmpty(figures.Figures.ShownRate(FigureNames.Succeeded, FigureNames.Enrolled));
        Completion = NonEmpty(figures.Figures.ShownRate(FigureNames.Completed, FigureNames.Enrolled));
        Nps = figures.ShownNps;
    }

    private static Rate? NonEmpty(Rate? rate) => rate is { Total: > 0 } ? rate : null;
}

/// <summary>
/// The portfolio across cohorts: one pass over the reporting read model groups every scope's participants, and each
/// scope's figures come from <see cref="OutcomeFigures.Build"/> with the client's k, so a row says what the report says.
/// </summary>
public sealed class Portfolio(Db db)
{
    private sealed class ScopeKey
    {
        public int CohortId { get; init; }
        public int ClientId { get; init; }
    }

    private sealed class ScopeScore
    {
        public int CohortId { get; init; }
        public int ClientId { get; init; }
        public int Score { get; init; }
        public int Count { get; init; }
    }

    private sealed class VersionDefinition
    {
        public int ProgramVersionId { get; init; }
        public string Definition { get; init; } = "";
    }

    private sealed class ClientThreshold
    {
        public int ClientId { get; init; }
        public int K { get; init; }
    }

    public async Task<List<PortfolioRow>> ReadAsync(PortfolioFilter filter, CancellationToken ct)
    {
        var parameters = new
        {
            filter.ProgramId, filter.VersionNumber, filter.ClientId, Segment = filter.Segment?.ToString(), filter.From, filter.To,
            CoCutoff = QuitOutcome.CoVerifiedBelowPpm,
        };
        await using var c = await db.OpenAsync(ct);
        var rows = (await c.QueryAsync<PortfolioRow>(new CommandDefinition(PortfolioSql.Scopes, parameters, cancellationToken: ct))).ToList();
        if (rows.Count == 0) return rows;

        var groups = (await c.QueryAsync<ScopeKey, ParticipantGroup, (ScopeKey Scope, ParticipantGroup Group)>(
                new CommandDefinition(PortfolioSql.Groups, parameters, cancellationToken: ct), (scope, group) => (scope, group), splitOn: "ContractId"))
            .ToLookup(x => (x.Scope.CohortId, x.Scope.ClientId), x => x.Group);
        var scores = (await c.QueryAsync<ScopeScore>(new CommandDefinition(PortfolioSql.Satisfaction, parameters, cancellationToken: ct)))
            .ToLookup(s => (s.CohortId, s.ClientId), s => (s.Score, s.Count));
        var programs = (await c.QueryAsync<VersionDefinition>(new CommandDefinition(PortfolioSql.Definitions, cancellationToken: ct)))
            .ToDictionary(v => v.ProgramVersionId, v => ProgramDefinitionJson.Deserialize(v.Definition));
        var thresholds = (await c.QueryAsync<ClientThreshold>(new CommandDefinition(PortfolioSql.SuppressionThresholds, cancellationToken: ct)))
            .ToDictionary(t => t.ClientId, t => t.K);

        foreach (var row in rows)
        {
            var program = programs[row.ProgramVersionId];
            var key = (row.CohortId, row.ClientId);
            var inputs = ReportInputs.OutcomesOnly([.. groups[key]], OutcomeReports.KindOf(program), program.DurationWeeks, [.. scores[key]]);
            row.Count(OutcomeFigures.Build(inputs, thresholds.GetValueOrDefault(row.ClientId, SuppressionThreshold.Default)));
        }

        return rows;
    }
}
