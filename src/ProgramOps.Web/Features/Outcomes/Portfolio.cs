using System.Data;
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
/// The portfolio across cohorts: each scope's participants are grouped as its report groups them (one prepared query per
/// scope, its satisfaction answers counted in the same pass), and each scope's figures come from
/// <see cref="OutcomeFigures.Build"/> with the client's k, so a row says what the report says.
/// </summary>
public sealed class Portfolio(Db db)
{
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
        List<PortfolioRow> rows;
        Dictionary<int, ProgramDefinition> programs;
        Dictionary<int, int> thresholds;
        await using (var c = await db.OpenAsync(ct))
        {
            rows = (await c.QueryAsync<PortfolioRow>(new CommandDefinition(PortfolioSql.Scopes, new
            {
                filter.ProgramId, filter.VersionNumber, filter.ClientId, Segment = filter.Segment?.ToString(), filter.From, filter.To,
            }, cancellationToken: ct))).ToList();
            if (rows.Count == 0) return rows;
            programs = (await c.QueryAsync<VersionDefinition>(new CommandDefinition(PortfolioSql.Definitions, cancellationToken: ct)))
                .ToDictionary(v => v.ProgramVersionId, v => ProgramDefinitionJson.Deserialize(v.Definition));
            thresholds = (await c.QueryAsync<ClientThreshold>(new CommandDefinition(PortfolioSql.SuppressionThresholds, cancellationToken: ct)))
                .ToDictionary(t => t.ClientId, t => t.K);
        }

        // Each part of the scopes is counted on its own connection, a part per core: the portfolio of a thousand cohorts is
        // a million participants' groups, and SQLite reads in parallel.
        var part = (rows.Count + Environment.ProcessorCount - 1) / Environment.ProcessorCount;
        await Parallel.ForEachAsync(rows.Chunk(part), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (scopes, token) => await CountAsync(scopes, programs, thresholds, token));
        return rows;
    }

    private async Task CountAsync(PortfolioRow[] scopes, Dictionary<int, ProgramDefinition> programs, Dictionary<int, int> thresholds, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        using var groupsOfScope = new PreparedCommand(c, null, PortfolioSql.ScopeGroups,
            ("CohortId", DbType.Int32), ("ClientId", DbType.Int32), ("CoCutoff", DbType.Double));
        groupsOfScope.Set("CoCutoff", QuitOutcome.CoVerifiedBelowPpm);
        foreach (var row in scopes)
        {
            var groups = new List<ParticipantGroup>();
            var answers = new int[NetPromoterScore.Scores];
            await using (var reader = await groupsOfScope.Set("CohortId", row.CohortId).Set("ClientId", row.ClientId).ReadAsync(ct))
            {
                var toGroup = reader.GetRowParser<ParticipantGroup>();
                var score0 = reader.GetOrdinal("Score0");
                while (await reader.ReadAsync(ct))
                {
                    groups.Add(toGroup(reader));
                    for (var score = 0; score < answers.Length; score++) answers[score] += reader.GetInt32(score0 + score);
                }
            }

            var program = programs[row.ProgramVersionId];
            var inputs = ReportInputs.OutcomesOnly(groups, OutcomeReports.KindOf(program), program.DurationWeeks,
                [.. answers.Select((count, score) => (score, count)).Where(a => a.count > 0)]);
            row.Count(OutcomeFigures.Build(inputs, thresholds.GetValueOrDefault(row.ClientId, SuppressionThreshold.Default)));
        }
    }
}
