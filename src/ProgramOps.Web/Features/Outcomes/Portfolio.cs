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
/// The portfolio across cohorts: one pass over the reporting read model groups every scope's participants (and counts
/// their satisfaction answers), and each
/// scope's figures come from <see cref="OutcomeFigures.Build"/> with the client's k, so a row says what the report says.
/// </summary>
public sealed class Portfolio(Db db)
{
    private sealed class ScopeKey
    {
        public int CohortId { get; init; }
        public int ClientId { get; init; }
    }

    /// <summary>A group's satisfaction answers, per score (the columns the portfolio's one pass counts beside the group).</summary>
    private sealed class GroupAnswers
    {
        public int Score0 { get; init; }
        public int Score1 { get; init; }
        public int Score2 { get; init; }
        public int Score3 { get; init; }
        public int Score4 { get; init; }
        public int Score5 { get; init; }
        public int Score6 { get; init; }
        public int Score7 { get; init; }
        public int Score8 { get; init; }
        public int Score9 { get; init; }
        public int Score10 { get; init; }

        public (int Score, int Count)[] PerScore() =>
            [(0, Score0), (1, Score1), (2, Score2), (3, Score3), (4, Score4), (5, Score5), (6, Score6), (7, Score7), (8, Score8), (9, Score9), (10, Score10)];
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

        // Each chunk of cohorts is read and counted on its own connection, a chunk per core at a time: the portfolio of a
        // thousand cohorts is a million participants' groups, and SQLite reads in parallel.
        var cohorts = rows.Select(r => r.CohortId).Distinct().Order().ToArray();
        var chunk = Math.Clamp((cohorts.Length + Environment.ProcessorCount - 1) / Environment.ProcessorCount, 1, OutcomeReports.MaxCohortsPerRead);
        await Parallel.ForEachAsync(cohorts.Chunk(chunk), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (ids, token) =>
            {
                var cohortIds = ids.ToHashSet();
                await CountAsync([.. rows.Where(r => cohortIds.Contains(r.CohortId))], ids, filter.ClientId, programs, thresholds, token);
            });
        return rows;
    }

    private async Task CountAsync(
        List<PortfolioRow> rows, int[] cohortIds, int? clientId, Dictionary<int, ProgramDefinition> programs, Dictionary<int, int> thresholds, CancellationToken ct)
    {
        var scope = new { CohortIds = cohortIds, ClientId = clientId, CoCutoff = QuitOutcome.CoVerifiedBelowPpm };
        await using var c = await db.OpenAsync(ct);
        var groups = (await c.QueryAsync<ScopeKey, ParticipantGroup, GroupAnswers, (ScopeKey Scope, ParticipantGroup Group, GroupAnswers Answers)>(
                new CommandDefinition(PortfolioSql.Groups, scope, cancellationToken: ct), (key, group, answers) => (key, group, answers), splitOn: "ContractId,Score0"))
            .ToLookup(x => (x.Scope.CohortId, x.Scope.ClientId), x => (x.Group, x.Answers));
        foreach (var row in rows)
        {
            var program = programs[row.ProgramVersionId];
            var key = (row.CohortId, row.ClientId);
            var scopeGroups = groups[key];
            var answers = scopeGroups.SelectMany(g => g.Answers.PerScore()).Where(a => a.Count > 0);
            var inputs = ReportInputs.OutcomesOnly([.. scopeGroups.Select(g => g.Group)], OutcomeReports.KindOf(program), program.DurationWeeks, [.. answers]);
            row.Count(OutcomeFigures.Build(inputs, thresholds.GetValueOrDefault(row.ClientId, SuppressionThreshold.Default)));
        }
    }
}
