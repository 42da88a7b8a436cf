using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Infrastructure.Data;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.Bench;

/// <summary>
/// The funnel explorer over the portfolio benchmark's ended cohorts: each kind of selection, and two side by side, timed
/// (first run) beside a bare grouped count (cohort, state) over the same participants in the same run. Everyone is in a
/// team of 4 or 5 and most have a department, so those selections read people too.
/// </summary>
public static class FunnelBenchmark
{
    private const double TargetSeconds = 1;

    public static async Task<int> RunAsync(int cohorts, int participants)
    {
        using var database = new BenchDatabase();
        var db = database.Db;
        var seeding = Stopwatch.StartNew();
        var start = new DateOnly(2025, 1, 6);
        var scopes = await PortfolioBenchmark.SeedCohortsAsync(db, cohorts, start);
        PortfolioBenchmark.Seed(db, scopes, participants / cohorts, start);
        PlaceInTeamsWithDepartments(db);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Funnel explorer over {cohorts:N0} ended cohorts and {participants:N0} participants; seeded in {seeding.Elapsed.TotalSeconds:F1} s (not timed)"));

        var explorer = new FunnelExplorer(db, new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));
        var bare = Bare(db);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  bare GROUP BY cohort, state over the same participants: {bare.TotalMilliseconds:F0} ms"));
        var cohort = scopes[cohorts / 2][0];
        (string Name, FunnelSelection Selection)[] selections =
        [
            ("everyone", new FunnelSelection()),
            ("program and version", new FunnelSelection { ProgramId = 1, Version = 1 }),
            ("one client", new FunnelSelection { ClientId = cohort.ClientId }),
            ("client segment SMB", new FunnelSelection { Segment = ClientSegment.Smb }),
            ("one cohort", new FunnelSelection { CohortId = cohort.CohortId }),
            ("start period (a quarter)", new FunnelSelection { StartFrom = start, StartTo = start.AddDays(90) }),
            ("team size 5", new FunnelSelection { TeamSize = 5 }),
            ("department given", new FunnelSelection { HasDepartment = true }),
        ];
        var slowest = TimeSpan.Zero;
        foreach (var (name, selection) in selections)
        {
            var stopwatch = Stopwatch.StartNew();
            var reading = await explorer.ReadAsync(selection, CancellationToken.None);
            slowest = Max(slowest, stopwatch.Elapsed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: {stopwatch.Elapsed.TotalMilliseconds:F0} ms ({reading.People:N0} people; ratio bare / this {bare.TotalSeconds / stopwatch.Elapsed.TotalSeconds:F2})"));
        }

        var both = Stopwatch.StartNew();
        await Task.WhenAll(
            explorer.ReadAsync(new FunnelSelection { Segment = ClientSegment.Smb }, CancellationToken.None),
            explorer.ReadAsync(new FunnelSelection { Segment = ClientSegment.Enterprise }, CancellationToken.None));
        slowest = Max(slowest, both.Elapsed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  SMB beside Enterprise (two selections at once): {both.Elapsed.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  slowest: {slowest.TotalMilliseconds:F0} ms (every selection under {TargetSeconds} s: {(slowest.TotalSeconds < TargetSeconds ? "PASS" : "FAIL")})"));
        return 0;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// Every participant in a team (the first 800 of a cohort in teams of 5, the rest in teams of 4) and three in four with a
    /// department, so that the team-size and department selections read as many people as a real portfolio gives them.
    /// </summary>
    private static void PlaceInTeamsWithDepartments(Db db)
    {
        const string numbered = "(SELECT Id, CohortId, ROW_NUMBER() OVER (PARTITION BY CohortId ORDER BY Id) AS Rank FROM Participants)";
        const string team = "CASE WHEN Rank <= 800 THEN (Rank - 1) / 5 + 1 ELSE 160 + (Rank - 801) / 4 + 1 END";
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute($"INSERT INTO Teams (CohortId, Number, FormedAt) SELECT DISTINCT CohortId, {team}, '2025-01-06T00:00:00Z' FROM {numbered}", transaction: transaction);
        connection.Execute($"""
            UPDATE Participants
            SET TeamId = m.TeamId, Department = CASE Participants.Id % 4 WHEN 0 THEN NULL WHEN 1 THEN '営業部' WHEN 2 THEN '開発部' ELSE '総務部' END
            FROM (SELECT n.Id, t.Id AS TeamId FROM {numbered} n JOIN Teams t ON t.CohortId = n.CohortId AND t.Number = {team}) m
            WHERE m.Id = Participants.Id
            """, transaction: transaction);
        transaction.Commit();
    }

    private static TimeSpan Bare(Db db)
    {
        var stopwatch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        GC.KeepAlive(connection.Query("SELECT CohortId, State, COUNT(*) FROM Participants GROUP BY CohortId, State").Count());
        return stopwatch.Elapsed;
    }
}
