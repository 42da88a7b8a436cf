using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Health;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Revenue;
using ProgramOps.Web.Infrastructure.Data;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.Bench;

/// <summary>
/// Issue 12's account figures over many clients and contracts, in process: what the Revenue page computes (every
/// contract read, five fiscal years by segment, LTV), the at-risk list (one page of the week's snapshots) and one
/// client's live health; each timed repeatedly for its p95 beside a bare read of the same rows. Then the weekly health
/// snapshot job over every client, first run and again (idempotent).
/// </summary>
public static class RevenueHealthBenchmark
{
    private const double PageTargetMs = 200;
    private const double JobTargetSeconds = 5;
    private const int Repeats = 40;

    public static async Task<int> RunAsync(int clients, int contracts)
    {
        using var database = new BenchDatabase();
        var db = database.Db;
        var clock = new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var seeding = Stopwatch.StartNew();
        var seeded = Seed(db, clients, contracts, clock.Today);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Accounts over {clients:N0} clients and {seeded:N0} contracts (yearly renewals, upsell, downsell, cancellations); seeded in {seeding.Elapsed.TotalSeconds:F1} s (not timed)"));

        var job = new HealthSnapshotJob(db, new HealthAssessor(db, new Portfolio(db), clock), clock, NullLogger<HealthSnapshotJob>.Instance);
        var first = Stopwatch.StartNew();
        var written = (await job.RunAsync(CancellationToken.None)).Items;
        var jobTime = first.Elapsed;
        var again = Stopwatch.StartNew();
        var rewritten = (await job.RunAsync(CancellationToken.None)).Items;
        var againTime = again.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  health snapshot job: {written:N0} clients in {jobTime.TotalSeconds:F2} s (under {JobTargetSeconds} s: {Verdict(jobTime.TotalSeconds < JobTargetSeconds)}); again {againTime.TotalSeconds:F2} s, {rewritten} written"));

        var reader = new RevenueReader(db, clock);
        async Task RevenueFiguresAsync()
        {
            var book = await reader.ReadAsync(CancellationToken.None);
            GC.KeepAlive(book.Figures(FiscalCalendar.Recent(PeriodLength.Year, 5, 4, clock.Today), RevenueGrouping.Segment));
            GC.KeepAlive(book.Lifetimes(4));
        }

        var revenue = await P95Async(RevenueFiguresAsync);
        // The first view after a contract changes reads every contract again.
        var afterChange = await P95Async(async () =>
        {
            await db.InTransactionAsync((c, t) => c.ExecuteAsync("UPDATE Contracts SET Version = Version + 1 WHERE Id = 1", transaction: t));
            await RevenueFiguresAsync();
        });
        var bareRevenue = await P95Async(() => Task.Run(() => Bare(db,
            "SELECT ClientId, Seats, PricePerSeatJpy, StartDate, EndDate, Status, UpdatedAt FROM Contracts WHERE Status <> 'Draft'",
            "SELECT Id, Name, Kind, Segment, CsType FROM Clients")));
        Print("Revenue page's figures (5 fiscal years by segment, LTV; contracts unchanged since the last view)", revenue, bareRevenue, "bare read of the same contracts and clients");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    the first view after a contract changes (every contract read again): p95 {afterChange.TotalMilliseconds:F1} ms"));

        var week = HealthSnapshotJob.WeekOf(clock.Today);
        var atRiskSql = AccountHealthSql.AtRisk(db.Dialect);
        var atRisk = await P95Async(async () =>
        {
            await using var c = await db.OpenAsync();
            GC.KeepAlive((await c.QueryAsync(atRiskSql, new
            {
                WeekOf = week, WeekBefore = week.AddDays(-7), Below = HealthScore.AtRiskBelow, Segment = (string?)null, OwnerId = (int?)null, Skip = 0, Take = 25,
            })).AsList());
        });
        var bareAtRisk = await P95Async(() => Task.Run(() => Bare(db,
            $"SELECT s.ClientId, c.Name, s.Score FROM HealthSnapshots s JOIN Clients c ON c.Id = s.ClientId WHERE s.WeekOf = '{week:yyyy-MM-dd}' AND s.Score < {HealthScore.AtRiskBelow} ORDER BY s.Score, c.Id LIMIT 25")));
        Print("at-risk list (first page of the week's snapshots)", atRisk, bareAtRisk, "bare SELECT of the same page");

        var assessor = new HealthAssessor(db, new Portfolio(db), clock);
        var oneClient = await P95Async(async () => GC.KeepAlive(await assessor.AssessAsync(clients / 2, CancellationToken.None)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one client's live health (client page): p95 {oneClient.TotalMilliseconds:F1} ms (under {PageTargetMs} ms: {Verdict(oneClient.TotalMilliseconds < PageTargetMs)})"));
        return 0;
    }

    private static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    private static void Print(string what, TimeSpan p95, TimeSpan bare, string baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: p95 {p95.TotalMilliseconds:F1} ms (under {PageTargetMs} ms: {Verdict(p95.TotalMilliseconds < PageTargetMs)}); {baseline}: p95 {bare.TotalMilliseconds:F1} ms; ratio bare / page {bare.TotalMilliseconds / p95.TotalMilliseconds:F2}"));

    /// <summary>The 95th percentile of <see cref="Repeats"/> runs after two warm-ups.</summary>
    private static async Task<TimeSpan> P95Async(Func<Task> work)
    {
        for (var i = 0; i < 2; i++) await work();
        var times = new List<TimeSpan>();
        for (var i = 0; i < Repeats; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await work();
            times.Add(stopwatch.Elapsed);
        }

        times.Sort();
        return times[(int)Math.Ceiling(times.Count * 0.95) - 1];
    }

    private static void Bare(Db db, params string[] statements)
    {
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var values = new object[reader.FieldCount];
            while (reader.Read()) reader.GetValues(values);
        }
    }

    /// <summary>
    /// Each client has yearly contracts back from this fiscal year, one per year while it stays (about one in ten leaves each
    /// year, a few cancel midway), its seats growing or shrinking at renewal; a third have a decision maker on file, and some of the others three open requests.
    /// </summary>
    private static int Seed(Db db, int clients, int contracts, DateOnly today)
    {
        var random = new Random(12);
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var thisYear = FiscalCalendar.FiscalYearOf(today, 4);
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var client = Command(connection, transaction,
            "INSERT INTO Clients (Name, Kind, Segment, EligiblePopulation, CsType, CsStyles, TouchModel, Version, CreatedAt, UpdatedAt, UpdatedBy) VALUES ($name, $kind, $segment, 1000, $type, 8, 'Low', 1, $now, $now, 'bench')",
            "$name", "$kind", "$segment", "$type", "$now");
        using var contract = Command(connection, transaction,
            "INSERT INTO Contracts (ClientId, ProgramName, Seats, PricePerSeatJpy, StartDate, EndDate, AutoRenew, Status, Version, CreatedAt, UpdatedAt, UpdatedBy) VALUES ($client, '禁煙プログラム', $seats, 30000, $start, $end, 1, $status, 1, $now, $now, 'bench')",
            "$client", "$seats", "$start", "$end", "$status", "$now");
        using var person = Command(connection, transaction,
            "INSERT INTO KeyPersons (ClientId, Name, Role, Version, CreatedAt, UpdatedAt, UpdatedBy) VALUES ($client, '決裁 者', 'DecisionMaker', 1, $now, $now, 'bench')",
            "$client", "$now");
        // Enough years that the clients who stay reach the contracts asked for, although some leave each year.
        using var request = Command(connection, transaction,
            """
            INSERT INTO FeedbackItems (Title, Description, Source, ClientId, Stage, Category, Severity, AffectedCount, HelpsEveryUser, ProgramSpecific,
                                       ClientAsked, Destination, Confidence, Status, Version, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
            VALUES ('報告を月次にしてほしい', '要望', 'Client', $client, NULL, 'Reporting', 'Medium', 0, 'No', 'No', 'Yes', 'ClientAccount', 0.9, 'Routed', 1, $now, 'bench', $now, 'bench')
            """,
            "$client", "$now");
        var perClient = Math.Max(1, (int)Math.Ceiling(contracts / (clients * 0.75)));
        var written = 0;
        string[] types = ["Onboarding", "AccompanyUpsell", "AccompanyRoi", "MidTouch"];
        for (var i = 1; i <= clients; i++)
        {
            Run(client, $"ベンチ顧客 {i:D5}", i % 2 == 0 ? "Employer" : "HealthInsuranceSociety", i % 3 == 0 ? "Smb" : "Enterprise", types[i % 4], now);
            var id = (int)i;
            if (i % 3 == 0) Run(person, id, now);
            // Every seventh client without a decision maker has asked for things that are still open: at risk.
            for (var r = 0; i % 7 == 0 && i % 3 != 0 && r < 3; r++) Run(request, id, now);
            var seats = 50 + random.Next(200);
            var firstYear = thisYear - perClient + 1;
            for (var year = firstYear; year <= thisYear; year++)
            {
                var last = year == thisYear || random.NextDouble() < 0.1;
                var status = year < thisYear ? "Ended" : "Active";
                if (last && year < thisYear && random.NextDouble() < 0.3) status = "Cancelled";
                Run(contract, id, seats, $"{year}-04-01", $"{year + 1}-03-31", status, now);
                written++;
                seats = Math.Max(10, seats + random.Next(-30, 60));
                if (last) break;
            }
        }

        transaction.Commit();
        return written;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
