using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Contracts;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Demo;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.Bench;

/// <summary>
/// The Reports menu's portfolio over many ended cohorts (every client's part of every cohort, all figures counted and
/// suppressed as reports count them). Beside it, in the same run: a bare GROUP BY of the same participants by cohort,
/// client, state and outcome.
/// </summary>
public static class PortfolioBenchmark
{
    private const double TargetSeconds = 2;
    private const int Clients = 200;

    public static async Task<int> RunAsync(int cohorts, int participants)
    {
        using var database = new BenchDatabase();
        var db = database.Db;
        var seeding = Stopwatch.StartNew();
        var start = new DateOnly(2025, 1, 6);
        var scopes = await SeedCohortsAsync(db, cohorts, start);
        Seed(db, scopes, participants / cohorts, start);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Portfolio over {cohorts:N0} ended cohorts of {Clients} clients (every 5th joint) and {participants:N0} participants; seeded in {seeding.Elapsed.TotalSeconds:F1} s (not timed)"));

        var portfolio = new Portfolio(db);
        var first = Stopwatch.StartNew();
        var rows = await portfolio.ReadAsync(new PortfolioFilter(), CancellationToken.None);
        var firstTime = first.Elapsed;
        var again = Stopwatch.StartNew();
        await portfolio.ReadAsync(new PortfolioFilter(), CancellationToken.None);
        var againTime = again.Elapsed;
        var oneClient = Stopwatch.StartNew();
        await portfolio.ReadAsync(new PortfolioFilter { ClientId = rows[0].ClientId }, CancellationToken.None);
        var oneClientTime = oneClient.Elapsed;
        var bare = Bare(db);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  portfolio (all rows, figures and suppression): first {firstTime.TotalMilliseconds:F0} ms, again {againTime.TotalMilliseconds:F0} ms (under {TargetSeconds} s: {(firstTime.TotalSeconds < TargetSeconds ? "PASS" : "FAIL")}); {rows.Count:N0} rows, {rows.Count(r => r.Itt is not null):N0} with a quit rate shown"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one client's cohorts (the client page): {oneClientTime.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  bare GROUP BY cohort, client, state, outcome over the same participants: {bare.TotalMilliseconds:F0} ms; ratio bare / portfolio {bare.TotalSeconds / firstTime.TotalSeconds:F2}"));
        return 0;
    }

    internal sealed record Scope(int CohortId, int ContractId, int ClientId);

    /// <summary>Ended cohorts on the smoking template, of 200 clients (a third SMB), every 5th joint; also the funnel benchmark's.</summary>
    internal static async Task<List<List<Scope>>> SeedCohortsAsync(Db db, int cohorts, DateOnly start) =>
        await db.InTransactionAsync(async (c, t) =>
        {
            const string actor = "bench";
            var now = DateTimeOffset.UtcNow;
            var contracts = new List<(int Client, int Contract)>();
            for (var i = 0; i < Clients; i++)
            {
                var clientId = await c.ExecuteScalarAsync<int>(ClientsSql.Insert + db.Dialect.SelectNewId, new ClientInput
                {
                    Name = $"ベンチ顧客 {i:D3}", Kind = i % 2 == 0 ? ClientKind.Employer : ClientKind.HealthInsuranceSociety,
                    Segment = i % 3 == 0 ? ClientSegment.Smb : ClientSegment.Enterprise, EligiblePopulation = 50_000,
                }.ToParameters(now, actor), t);
                var contractId = await c.ExecuteScalarAsync<int>(ContractsSql.Insert + db.Dialect.SelectNewId, new ContractInput
                {
                    ProgramName = "禁煙プログラム", Seats = 1_000_000, PricePerSeatJpy = 30_000, StartDate = start.AddMonths(-2), EndDate = start.AddYears(5),
                    Status = ContractStatus.Active, EligiblePopulation = 40_000, EligiblePopulationAsOf = start.AddMonths(-2),
                }.ToParameters(clientId, now, actor), t);
                contracts.Add((clientId, contractId));
            }

            var versionId = await DemoCohorts.PublishAsync(c, t, db.Dialect, ProgramTemplates.SmokingCessation, now, actor);
            var scopes = new List<List<Scope>>();
            for (var i = 0; i < cohorts; i++)
            {
                var parts = i % 5 == 0 ? new[] { contracts[i % Clients], contracts[(i + 1) % Clients] } : [contracts[i % Clients]];
                var cohortId = await DemoCohorts.CreateAsync(c, t, db.Dialect,
                    new DemoCohortPlan($"ベンチ {i:D4}", versionId, [.. parts.Select(p => new DemoSeats(p.Contract, 5_000))], start.AddDays(7 * (i % 50)),
                        CohortStatus.Completed), now, actor);
                scopes.Add([.. parts.Select(p => new Scope(cohortId, p.Contract, p.Client))]);
            }

            await c.ExecuteAsync("UPDATE Cohorts SET Status = 'Completed'", transaction: t);
            return scopes;
        });

    internal static void Seed(Db db, List<List<Scope>> cohorts, int perCohort, DateOnly start)
    {
        var random = new Random(23);
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var people = new SyntheticParticipantWriter(connection, transaction, start);
        foreach (var scopes in cohorts)
        {
            for (var i = 0; i < perCohort; i++)
            {
                var scope = scopes[i % scopes.Count];
                people.Write(scope.CohortId, scope.ContractId, scope.ClientId, SyntheticParticipant.Next(random));
            }
        }

        transaction.Commit();
    }

    private static TimeSpan Bare(Db db)
    {
        var stopwatch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        GC.KeepAlive(connection.Query("SELECT CohortId, ClientId, State, Outcome, COUNT(*) FROM Participants GROUP BY CohortId, ClientId, State, Outcome").Count());
        return stopwatch.Elapsed;
    }
}
