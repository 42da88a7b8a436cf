using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.DataTests.Outcomes;

/// <summary>
/// The portfolio's one pass against each scope counted the way a client report counts it (its participant groups and
/// its satisfaction answers read separately, then <see cref="OutcomeFigures.Build"/> with the client's k), on a generated
/// population of ended and running cohorts, one of them joint.
/// </summary>
public sealed class PortfolioTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private sealed record Population(int[] Cohorts, Dictionary<int, int[]> Participants);

    private sealed class ScoreCount
    {
        public int Score { get; init; }
        public int Count { get; init; }
    }

    [Fact]
    public async Task Every_row_says_what_its_scopes_report_says()
    {
        await GenerateAsync(new Random(11));

        var rows = await new Portfolio(_database.Db).ReadAsync(new PortfolioFilter(), CancellationToken.None);

        Assert.Equal(6, rows.Count);
        Assert.Contains(rows, r => r.Nps is not null);
        Assert.Contains(rows, r => r.Itt is null);
        foreach (var row in rows) Assert.Equal(await ReportedAsync(row), Headline(row));
    }

    [Fact]
    public async Task A_change_to_an_ended_cohort_shows_at_the_next_read()
    {
        var population = await GenerateAsync(new Random(12));
        var portfolio = new Portfolio(_database.Db);
        var ended = population.Cohorts[0];
        var before = Assert.Single(await portfolio.ReadAsync(new PortfolioFilter(), CancellationToken.None), r => r.CohortId == ended);

        // A late satisfaction answer (the app sends it after the cohort closed; no version changes) and a correction.
        await using (var c = await _database.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET SatisfactionScore = 0 WHERE CohortId = @ended AND SatisfactionScore IS NOT NULL", new { ended });
            await c.ExecuteAsync("UPDATE Participants SET Outcome = 'Succeeded' WHERE Id IN @ids", new { ids = population.Participants[ended].Take(15) });
        }

        var after = Assert.Single(await portfolio.ReadAsync(new PortfolioFilter(), CancellationToken.None), r => r.CohortId == ended);

        Assert.NotEqual(Headline(before), Headline(after));
        Assert.Equal(await ReportedAsync(after), Headline(after));
    }

    private static (int? Enrolled, Rate? Itt, Rate? Completion, double? Nps) Headline(PortfolioRow row) => (row.Enrolled, row.Itt, row.Completion, row.Nps);

    /// <summary>The scope's headline figures from the report's own queries.</summary>
    private async Task<(int? Enrolled, Rate? Itt, Rate? Completion, double? Nps)> ReportedAsync(PortfolioRow row)
    {
        await using var c = await _database.Db.OpenAsync();
        var scope = new { CohortIds = new[] { row.CohortId }, row.ClientId, CoCutoff = QuitOutcome.CoVerifiedBelowPpm };
        var groups = (await c.QueryAsync<ParticipantGroup>(OutcomesSql.ParticipantGroups, scope)).ToList();
        var answers = (await c.QueryAsync<ScoreCount>(OutcomesSql.Satisfaction, scope)).Select(s => (s.Score, s.Count)).ToList();
        var k = await c.ExecuteScalarAsync<int?>("SELECT K FROM ReportSettings WHERE ClientId = @ClientId", new { row.ClientId }) ?? SuppressionThreshold.Default;
        var program = ProgramTemplates.SmokingCessation;
        var figures = OutcomeFigures.Build(ReportInputs.OutcomesOnly(groups, OutcomeReports.KindOf(program), program.DurationWeeks, answers), k);
        var itt = figures.Figures.ShownRate(FigureNames.Succeeded, FigureNames.Enrolled);
        var completion = figures.Figures.ShownRate(FigureNames.Completed, FigureNames.Enrolled);
        return (figures.Shown(FigureNames.Enrolled), itt is { Total: > 0 } ? itt : null, completion is { Total: > 0 } ? completion : null, figures.ShownNps);
    }

    /// <summary>
    /// Two clients (one with k = 7) and four cohorts: three ended (one joint), one running; people in every state, some
    /// who left with a recorded exit, CO readings either side of the cut-off and satisfaction answers 0–10.
    /// </summary>
    private async Task<Population> GenerateAsync(Random random)
    {
        var db = _database.Db;
        var first = await TestData.ClientAsync(db, new ClientInput { Name = "横断一商事", Kind = ClientKind.Employer, EligiblePopulation = 900 });
        var second = await TestData.ClientAsync(db, new ClientInput { Name = "横断二健康保険組合", Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 900 });
        var firstContract = await TestData.ActiveContractAsync(db, first, 400);
        var secondContract = await TestData.ActiveContractAsync(db, second, 400);
        var version = await TestData.PublishedProgramAsync(db, "横断-smoking");
        await using (var c = await db.OpenAsync())
        {
            await c.ExecuteAsync(
                "INSERT INTO ReportSettings (ClientId, K, MedicalCostPerSmokerYearJpy, LostProductivityPerSmokerYearJpy, Version, UpdatedAt, UpdatedBy) VALUES (@second, 7, 1, 1, 1, @now, 'seed')",
                new { second, now = DateTimeOffset.UtcNow });
        }

        var start = new DateOnly(2026, 3, 2);
        (string Status, (int Contract, int People)[] Parts)[] plans =
        [
            ("Completed", [(firstContract, 60)]),
            ("Reported", [(firstContract, 45), (secondContract, 40)]),
            ("Completed", [(secondContract, 8)]),
            ("Running", [(firstContract, 30), (secondContract, 30)]),
        ];
        var cohorts = new List<int>();
        var participants = new Dictionary<int, int[]>();
        foreach (var (status, parts) in plans)
        {
            var cohort = await TestData.CohortAsync(db, $"横断 {cohorts.Count + 1}", version, status, start.AddDays(7 * cohorts.Count), [.. parts.Select(p => (p.Contract, p.People))]);
            var ids = new List<long>();
            foreach (var (contract, people) in parts) ids.AddRange(await TestData.ParticipantsAsync(db, cohort, contract, people));
            await PlayOutAsync(random, start.AddDays(7 * cohorts.Count), ids, running: status == "Running");
            cohorts.Add(cohort);
            participants[cohort] = [.. ids.Select(id => (int)id)];
        }

        return new Population([.. cohorts], participants);
    }

    private async Task PlayOutAsync(Random random, DateOnly start, IReadOnlyList<long> ids, bool running)
    {
        await using var c = await _database.Db.OpenAsync();
        foreach (var id in ids)
        {
            var roll = random.NextDouble();
            var state = running
                ? roll switch { < 0.1 => "Invited", < 0.2 => "AtRisk", < 0.3 => "DroppedOut", _ => "Active" }
                : roll switch { < 0.05 => "InvitationExpired", < 0.08 => "Declined", < 0.25 => "DroppedOut", < 0.3 => "Withdrawn", _ => "Completed" };
            var day = state switch { "Completed" => 83, "DroppedOut" or "Withdrawn" => random.Next(3, 70), _ => -5 };
            var at = new DateTimeOffset(start.AddDays(day).ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
            await c.ExecuteAsync(
                """
                UPDATE Participants SET State = @state, Outcome = @outcome, StateChangedAt = @at, LastCheckInOn = @lastCheckIn, BirthYear = @birthYear,
                                        FinalCoPpm = @co, SatisfactionScore = @satisfaction
                WHERE Id = @id
                """,
                new
                {
                    id, state, at,
                    outcome = state == "Completed" ? (random.NextDouble() < 0.55 ? "Succeeded" : "NotSucceeded") : null,
                    lastCheckIn = day > 0 ? start.AddDays(Math.Max(1, day - random.Next(0, 10))) : (DateOnly?)null,
                    birthYear = random.NextDouble() < 0.1 ? (int?)null : 1960 + random.Next(0, 45),
                    co = state == "Completed" ? random.Next(2, 25) : (int?)null,
                    satisfaction = state is "Completed" or "Withdrawn" or "Active" && random.NextDouble() < 0.8 ? random.Next(0, 11) : (int?)null,
                });
            if (state is "DroppedOut" or "Withdrawn")
            {
                await c.ExecuteAsync(
                    "INSERT INTO ParticipantTransitions (ParticipantId, FromState, ToState, TriggerName, Actor, OccurredAt) VALUES (@id, @from, @state, 'Test', 'seed', @at)",
                    new { id, from = random.NextDouble() < 0.2 ? "Invited" : "Active", state, at });
            }
        }
    }
}
