using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Contracts;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Features.Cohorts.Roster;
using ProgramOps.Web.Features.Demo;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Features.Teams;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Data;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.Bench;

/// <summary>
/// A client's roster of N employees imported into one cohort the way the console does it — upload stored, checked
/// into a preview, committed in slices — in UTF-8 and in CP932, beside a bare prepared INSERT loop of the
/// same rows into the same table, and team formation beside a bare loop of the same team writes. The rosters are
/// files on disk read as a stream, as an upload is, so the process's peak working set (taken after the imports and
/// before the bare loops, which hold their rows) is what the import needs. Optionally leaves one imported cohort in
/// a given database for the page benchmark.
/// </summary>
public static class ImportBenchmark
{
    private const string Actor = "bench";
    private const double TargetSeconds = 10;
    private const double TargetImportRatio = 0.6;
    private const double TargetRatioWithTeams = 0.5;
    private const long TargetPeakBytes = 150L * 1024 * 1024;
    private static readonly TimeSpan TargetWriterWait = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(int rows, string? keepInDatabase)
    {
        var clock = new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        IEnumerable<string> Lines(int count) => DemoRoster.Lines(count, seed: 7, "E", "example.co.jp", clock.Today.Year);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var folder = new BenchFolder();
        var files = new[] { ("UTF-8", Encoding.UTF8), ("CP932", Encoding.GetEncoding(932)) }
            .Select(e => (Name: e.Item1, Path: folder.Write($"roster-{e.Item1}.csv", e.Item2, Lines(rows)))).ToList();

        // Untimed warm-up of every code path, so no measurement pays for JIT compilation.
        var warmUp = folder.Write("warm-up.csv", Encoding.UTF8, Lines(500));
        using (var warm = new BenchDatabase()) await ImportAsync(warm.Db, clock, warmUp);
        using (var warm = new BenchDatabase()) BareInsertAndPlace(warm.Db, clock, [.. Lines(500)]);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Roster import of {rows:N0} rows into one cohort (in-process, SQLite file, best of 2 runs per encoding)"));
        var best = new Dictionary<string, ImportTimes>();
        foreach (var (name, path) in files)
        {
            for (var run = 0; run < 2; run++)
            {
                using var database = new BenchDatabase();
                var times = await ImportAsync(database.Db, clock, path);
                if (!best.TryGetValue(name, out var seen) || times.Total < seen.Total) best[name] = times;
            }
        }

        var peak = PeakWorkingSet();
        using (var database = new BenchDatabase())
        {
            var probe = new WriterProbe(database.Db);
            var times = await ImportAsync(database.Db, clock, files[0].Path, probe);
            var waits = probe.Waits.Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  a writer beside the {times.Imported:N0}-row commit ({times.Commit.TotalSeconds:F1} s; a short write transaction every {WriterProbe.Every.TotalMilliseconds} ms through the same writer queue, as an event batch or a staff save): {waits.Count:N0} writes, wait p50 {Percentile(waits, 0.50):F0} ms, p99 {Percentile(waits, 0.99):F0} ms, longest {waits[^1]:F0} ms (goal: longest < {TargetWriterWait.TotalMilliseconds} ms: {Verdict(waits[^1] < TargetWriterWait.TotalMilliseconds)})"));
        }

        // The ceilings are the best of three runs too, so a noisy moment does not flatter the ratios.
        var lines = Lines(rows).ToList();
        var (bareInsert, barePlace) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
        for (var run = 0; run < 3; run++)
        {
            using var database = new BenchDatabase();
            var (insert, place) = BareInsertAndPlace(database.Db, clock, lines);
            if (insert < bareInsert) bareInsert = insert;
            if (place < barePlace) barePlace = place;
        }
        var bareRate = rows / bareInsert.TotalSeconds;
        var bareRateWithTeams = rows / (bareInsert + barePlace).TotalSeconds;

        foreach (var (name, t) in best)
        {
            var import = t.Upload + t.Check + t.Commit;
            var importRatio = t.Imported / import.TotalSeconds / bareRate;
            var ratioWithTeams = t.Imported / t.Total.TotalSeconds / bareRateWithTeams;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-6} {new FileInfo(files.Single(f => f.Name == name).Path).Length / 1048576.0,5:F1} MB: upload {t.Upload.TotalMilliseconds,5:F0} ms + check {t.Check.TotalMilliseconds,5:F0} ms + commit {t.Commit.TotalMilliseconds,5:F0} ms + {t.Teams:N0} teams {t.TeamFormation.TotalMilliseconds,5:F0} ms = {t.Total.TotalSeconds,5:F2} s for {t.Imported:N0} participants (under {TargetSeconds} s: {Verdict(t.Total.TotalSeconds < TargetSeconds)})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"         import {t.Imported / import.TotalSeconds,7:N0} rows/s = {importRatio:F2} of the bare insert (goal >= {TargetImportRatio:F1}: {Verdict(importRatio >= TargetImportRatio)})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"         with team formation {t.Imported / t.Total.TotalSeconds,7:N0} rows/s = {ratioWithTeams:F2} of the bare insert + bare team placement (goal >= {TargetRatioWithTeams:F1}: {Verdict(ratioWithTeams >= TargetRatioWithTeams)}); {t.Imported / t.Total.TotalSeconds / bareRate:F2} of the bare insert alone"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  bare prepared INSERT of the same {rows:N0} rows into Participants (best of 3): {bareInsert.TotalMilliseconds,6:F0} ms = {bareRate,8:N0} rows/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  bare team placement of the same rows (prepared INSERT of the teams + UPDATE of 2,000 participants a statement, best of 3): {barePlace.TotalMilliseconds,6:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  peak working set of the process through the imports: {peak / 1048576.0:F0} MB with {GarbageCollector()} (goal < {TargetPeakBytes / 1048576} MB: {Verdict(peak < TargetPeakBytes)})"));

        if (keepInDatabase is not null)
        {
            var db = BenchDatabase.Open(keepInDatabase);
            var kept = await ImportAsync(db, clock, files[1].Path);
            Console.WriteLine($"cohort-id: {kept.CohortId}");
        }

        return 0;
    }

    /// <summary>
    /// The collector this process runs with: the console's own (Server GC, the Web SDK's default) when started with its
    /// runtime settings, as scripts/bench.sh does (<c>dotnet exec --runtimeconfig ProgramOps.Web.runtimeconfig.json</c>),
    /// since the import's memory is the console's.
    /// </summary>
    private static string GarbageCollector() =>
        (GCSettings.IsServerGC ? "Server GC" : "Workstation GC") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? ", not concurrent" : "");

    private static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    private static double Percentile(IReadOnlyList<double> sorted, double share) => sorted[Math.Min(sorted.Count - 1, (int)(share * sorted.Count))];

    /// <summary>
    /// Another writer of the same process while an import commits: a short write transaction every <see cref="Every"/>
    /// through the console's writer queue, each timed from asking to done — what an event batch waits for.
    /// </summary>
    private sealed class WriterProbe(Db db)
    {
        public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(20);

        private readonly CancellationTokenSource stop = new();
        private Task? loop;

        public List<double> Waits { get; } = [];

        public void Start() => loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var asked = Stopwatch.StartNew();
                await db.InTransactionAsync((c, t) => c.ExecuteAsync("UPDATE RosterImports SET UpdatedAt = UpdatedAt WHERE Id = -1", transaction: t));
                Waits.Add(asked.Elapsed.TotalMilliseconds);
                await Task.Delay(Every);
            }
        });

        public async Task StopAsync()
        {
            await stop.CancelAsync();
            await loop!;
        }
    }

    /// <summary>The kernel's high-water mark of resident memory (VmHWM), which Process.PeakWorkingSet64 reads on Linux.</summary>
    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    /// <summary>One roster of <paramref name="rows"/> people imported into a new cohort of a served database, as a writer beside others.</summary>
    internal static async Task<int> ImportIntoAsync(string databaseFile, int rows)
    {
        var clock = new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        using var folder = new BenchFolder();
        var path = folder.Write("load.csv", Encoding.UTF8, DemoRoster.Lines(rows, seed: 11, "L", "load.example.co.jp", clock.Today.Year));
        return (await ImportAsync(BenchDatabase.Open(databaseFile), clock, path)).Imported;
    }

    private sealed record ImportTimes(int CohortId, int Imported, int Teams, TimeSpan Upload, TimeSpan Check, TimeSpan Commit, TimeSpan TeamFormation)
    {
        public TimeSpan Total => Upload + Check + Commit + TeamFormation;
    }

    /// <summary>A temporary folder of roster files, written a line at a time.</summary>
    private sealed class BenchFolder : IDisposable
    {
        private readonly string path = Directory.CreateTempSubdirectory("programops-import-bench-").FullName;

        public string Write(string name, Encoding encoding, IEnumerable<string> lines)
        {
            var file = Path.Combine(path, name);
            using var output = File.Create(file);
            DemoRoster.Write(output, encoding, lines);
            return file;
        }

        public void Dispose() => Directory.Delete(path, recursive: true);
    }

    private static async Task<ImportTimes> ImportAsync(Db db, LocalClock clock, string path, WriterProbe? besideCommit = null)
    {
        var (cohortId, contractId) = await SeedCohortAsync(db, clock);
        var audit = new AuditTrail(new HttpCurrentUser(new HttpContextAccessor()), TimeProvider.System);
        var teams = new CohortTeams(db, audit, TimeProvider.System);
        var processor = new RosterImportProcessor(db, clock, audit, teams, new ImportProgressBoard(), ImportWorkerIdentity.OfThisProcess(), NullLogger<RosterImportProcessor>.Instance);

        var started = Stopwatch.StartNew();
        // The upload hashes the file once for the duplicate check, then stores it.
        await using (var file = File.OpenRead(path)) await SHA256.HashDataAsync(file);
        var importId = await db.InTransactionAsync(async (c, t) =>
        {
            await using var file = File.OpenRead(path);
            return await RosterUpload.StoreAsync(c, t, db.Dialect,
                new RosterUploadRequest(cohortId, contractId, "roster.csv", RosterEncoding.Auto, null, Actor), file, clock.UtcNow, CancellationToken.None);
        });
        var upload = started.Elapsed;
        await processor.RunAsync(importId, RosterImportStatus.Queued, CancellationToken.None);
        await SettledAsync(db, importId, RosterImportStatus.Queued, RosterImportStatus.Validating);
        var check = started.Elapsed - upload;

        await db.InTransactionAsync(async (c, t) =>
        {
            var import = await RosterImport.FindAsync(c, t, importId, CancellationToken.None);
            await RosterUpload.RequestCommitAsync(c, t, importId, import!.Version, null, Actor, clock.UtcNow, CancellationToken.None);
        });
        besideCommit?.Start();
        await processor.RunAsync(importId, RosterImportStatus.CommitQueued, CancellationToken.None);
        await SettledAsync(db, importId, RosterImportStatus.CommitQueued, RosterImportStatus.Committing);
        var commit = started.Elapsed - upload - check;
        if (besideCommit is not null) await besideCommit.StopAsync();

        var formed = await db.InTransactionAsync((c, t) => teams.FormAsync(c, t, cohortId, Actor, null, CancellationToken.None));
        var teamFormation = started.Elapsed - upload - check - commit;

        await using var connection = await db.OpenAsync();
        var result = (await RosterImport.FindAsync(connection, null, importId, CancellationToken.None))!;
        if (result.Status != RosterImportStatus.Committed) throw new InvalidOperationException($"The import ended {result.Status}: {result.FailureReason}");
        return new ImportTimes(cohortId, result.RowsImported, formed.TeamsCreated, upload, check, commit, teamFormation);
    }

    /// <summary>
    /// Waits while the import is still <paramref name="queued"/> or <paramref name="working"/>: in the served database the
    /// console's own worker may claim it first, and this process's processor then leaves it to that worker.
    /// </summary>
    private static async Task SettledAsync(Db db, int importId, RosterImportStatus queued, RosterImportStatus working)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var connection = await db.OpenAsync();
            var status = (await RosterImport.FindAsync(connection, null, importId, CancellationToken.None))!.Status;
            if (status != queued && status != working) return;
            if (waited.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException($"The import is still {status} after 5 minutes.");
            await Task.Delay(100);
        }
    }

    private static async Task<(int CohortId, int ContractId)> SeedCohortAsync(Db db, LocalClock clock) =>
        await db.InTransactionAsync(async (c, t) =>
        {
            var now = clock.UtcNow;
            var clientId = await c.ExecuteScalarAsync<int>(ClientsSql.Insert + db.Dialect.SelectNewId,
                new ClientInput { Name = "ベンチ健康保険組合 " + Guid.NewGuid().ToString("N")[..6], Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 300_000 }.ToParameters(now, Actor), t);
            var contractId = await c.ExecuteScalarAsync<int>(ContractsSql.Insert + db.Dialect.SelectNewId, new ContractInput
            {
                ProgramName = "禁煙プログラム", Seats = 1_000_000, PricePerSeatJpy = 30_000, StartDate = clock.Today.AddMonths(-1), EndDate = clock.Today.AddMonths(11),
                Status = ContractStatus.Active,
            }.ToParameters(clientId, now, Actor), t);
            var versionId = await DemoCohorts.PublishAsync(c, t, db.Dialect, ProgramTemplates.SmokingCessation with { Code = "bench-" + Guid.NewGuid().ToString("N")[..8] }, now, Actor);
            var cohortId = await DemoCohorts.CreateAsync(c, t, db.Dialect,
                new DemoCohortPlan("ベンチマーク 10万人コホート", versionId, [new(contractId, 1_000_000)], clock.Today.AddDays(30), CohortStatus.Enrolling), now, Actor);
            return (cohortId, contractId);
        });

    /// <summary>The same participant rows inserted, then placed in teams of 5 (the same team rows and participant updates), each timed.</summary>
    private static (TimeSpan Insert, TimeSpan Place) BareInsertAndPlace(Db db, LocalClock clock, IReadOnlyList<string> lines)
    {
        var (cohortId, contractId) = SeedCohortAsync(db, clock).GetAwaiter().GetResult();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        // The same kind of random invitation codes the import gives, made before the clock starts.
        var invitations = new InvitationCode();
        var codes = rows.Select(_ => invitations.Next()).ToList();
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        var clientId = connection.ExecuteScalar<int>("SELECT ClientId FROM Contracts WHERE Id = @contractId", new { contractId });
        var at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

        var stopwatch = Stopwatch.StartNew();
        using (var transaction = connection.BeginTransaction())
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO Participants (CohortId, ContractId, ClientId, EmployeeNumber, FullName, Kana, Email, Department, BirthYear,
                                          InvitationCode, State, StateChangedAt, Version, CreatedAt, UpdatedAt, UpdatedBy)
                VALUES ($cohort, $contract, $client, $number, $name, $kana, $email, $department, $year, $code, 'Invited', $at, 1, $at, $at, 'bench')
                """;
            var values = new[] { "$number", "$name", "$kana", "$email", "$department", "$year", "$code" }
                .Select(n => command.Parameters.Add(n, n == "$year" ? SqliteType.Integer : SqliteType.Text)).ToArray();
            command.Parameters.AddWithValue("$cohort", cohortId);
            command.Parameters.AddWithValue("$contract", contractId);
            command.Parameters.AddWithValue("$client", clientId);
            command.Parameters.AddWithValue("$at", at);
            command.Prepare();
            for (var i = 0; i < rows.Count; i++)
            {
                for (var v = 0; v < 6; v++) values[v].Value = rows[i][v];
                values[6].Value = codes[i];
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        var insert = stopwatch.Elapsed;

        var ids = connection.Query<long>("SELECT Id FROM Participants WHERE CohortId = @cohortId ORDER BY Id", new { cohortId }).ToList();
        stopwatch.Restart();
        using (var transaction = connection.BeginTransaction())
        using (var team = connection.CreateCommand())
        using (var place = connection.CreateCommand())
        {
            team.Transaction = transaction;
            team.CommandText = "INSERT INTO Teams (CohortId, Number, FormedAt, Version) VALUES ($cohort, $number, $at, 1) RETURNING Id";
            var number = team.Parameters.Add("$number", SqliteType.Integer);
            team.Parameters.AddWithValue("$cohort", cohortId);
            team.Parameters.AddWithValue("$at", at);
            team.Prepare();
            var teamIds = new long[(ids.Count + 4) / 5];
            for (var i = 0; i < teamIds.Length; i++)
            {
                number.Value = i + 1;
                teamIds[i] = (long)team.ExecuteScalar()!;
            }

            // The console's own statement shape: 2,000 placements a statement, each a [participant, team] pair.
            place.Transaction = transaction;
            place.CommandText = """
                UPDATE Participants SET TeamId = json_extract(placed.value, '$[1]'), Version = Version + 1, UpdatedAt = $at, UpdatedBy = 'bench'
                FROM json_each($placements) placed WHERE Participants.Id = json_extract(placed.value, '$[0]')
                """;
            var placements = place.Parameters.Add("$placements", SqliteType.Text);
            place.Parameters.AddWithValue("$at", at);
            place.Prepare();
            for (var from = 0; from < ids.Count; from += TeamAssignment.PlacementsPerStatement)
            {
                var json = new StringBuilder("[");
                for (var i = from; i < Math.Min(ids.Count, from + TeamAssignment.PlacementsPerStatement); i++)
                    json.Append(i == from ? "[" : ",[").Append(ids[i]).Append(',').Append(teamIds[i / 5]).Append(']');
                placements.Value = json.Append(']').ToString();
                place.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return (insert, stopwatch.Elapsed);
    }
}
