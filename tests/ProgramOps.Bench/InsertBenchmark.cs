using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Features.Demo;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Data;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.Bench;

/// <summary>
/// The demo loader's insert rate beside the ceiling: a bare prepared INSERT loop into the same table on
/// a fresh database of the same schema, in the same process.
/// </summary>
public static class InsertBenchmark
{
    private const int WarmUpClients = 200;
    private const int Runs = 3;

    public static async Task<int> RunAsync(int clients)
    {
        // A small untimed run of each first, so neither measurement pays for JIT compilation; then the
        // best of a few runs, because other processes on the machine add noise to single runs.
        await LoadDemoAsync(WarmUpClients);
        Measure(WarmUpClients);
        DemoLoadResult? loaded = null;
        var bareElapsed = TimeSpan.MaxValue;
        for (var run = 0; run < Runs; run++)
        {
            var result = await LoadDemoAsync(clients);
            if (loaded is null || result.Elapsed < loaded.Elapsed) loaded = result;
            var bare = Measure(clients);
            if (bare < bareElapsed) bareElapsed = bare;
        }

        var loadedRows = loaded!.Clients + loaded.KeyPersons + loaded.Contracts;

        var clientsPerSecond = loaded.Clients / loaded.Elapsed.TotalSeconds;
        var rowsPerSecond = loadedRows / loaded.Elapsed.TotalSeconds;
        var writeRowsPerSecond = loadedRows / loaded.WriteElapsed.TotalSeconds;
        var bareRowsPerSecond = clients / bareElapsed.TotalSeconds;
        var ratio = rowsPerSecond / bareRowsPerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Insert rate (in-process, SQLite file, one transaction each; best of {Runs} runs after a warm-up)
              ProgramOps demo loader : {loaded.Clients} clients + {loaded.KeyPersons} key persons + {loaded.Contracts} contracts = {loadedRows} rows
                whole load           : {loaded.Elapsed.TotalMilliseconds,6:F0} ms = {clientsPerSecond,8:N0} clients/s, {rowsPerSecond,8:N0} rows/s (generation + hashing 6 staff passwords + write)
                write transaction    : {loaded.WriteElapsed.TotalMilliseconds,6:F0} ms = {loaded.Clients / loaded.WriteElapsed.TotalSeconds,8:N0} clients/s, {writeRowsPerSecond,8:N0} rows/s
              bare prepared INSERT   : {bareElapsed.TotalMilliseconds,6:F0} ms for {clients} Clients rows = {bareRowsPerSecond,8:N0} rows/s
              ratio ProgramOps/bare  : {ratio:F2} rows/s whole load (goal >= 0.50: {(ratio >= 0.5 ? "PASS" : "FAIL")}), {writeRowsPerSecond / bareRowsPerSecond:F2} write transaction only
            """));
        return 0;
    }

    private static async Task<DemoLoadResult> LoadDemoAsync(int clients)
    {
        using var database = new BenchDatabase();
        var loader = new DemoDataLoader(
            database.Db,
            new PasswordHasher<StaffUser>(),
            new AuditTrail(new HttpCurrentUser(new HttpContextAccessor()), TimeProvider.System),
            new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")),
            NullLogger<DemoDataLoader>.Instance);
        return await loader.LoadIfEmptyAsync(clients);
    }

    private static TimeSpan Measure(int rows)
    {
        using var database = new BenchDatabase();
        return BareInsert(database.Db.ConnectionString, rows);
    }

    private static TimeSpan BareInsert(string connectionString, int rows)
    {
        var stopwatch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO Clients (Name, NameKana, Kind, Segment, EligiblePopulation, CsType, CsStyles, TouchModel,
                                 CreatedAt, UpdatedAt, UpdatedBy)
            VALUES ($name, 'ベンチ', 'Employer', 'Smb', $population, 'MidTouch', 8, 'Tech', $at, $at, 'bench')
            """;
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var population = command.Parameters.Add("$population", SqliteType.Integer);
        var at = command.Parameters.Add("$at", SqliteType.Text);
        at.Value = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        command.Prepare();
        for (var i = 0; i < rows; i++)
        {
            name.Value = "株式会社ベンチ" + i.ToString(CultureInfo.InvariantCulture);
            population.Value = 100 + i % 5000;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return stopwatch.Elapsed;
    }
}

/// <summary>A migrated SQLite file in a fresh temp folder, removed afterwards.</summary>
public sealed class BenchDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("programops-bench-").FullName;

    public BenchDatabase()
    {
        Db = Open(Path.Combine(_folder, "bench.db"));
    }

    /// <summary>The SQLite file at <paramref name="path"/>, created and migrated if need be, with the console's settings.</summary>
    public static Db Open(string path)
    {
        DbTypeHandlers.Register();
        var connectionString = DataServiceExtensions.SqliteConnectionString(null, new DatabaseOptions { SqliteFile = Path.GetFullPath(path) }, Path.GetDirectoryName(Path.GetFullPath(path))!);
        var db = new Db(DatabaseProvider.Sqlite, connectionString);
        new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).Migrate();
        return db;
    }

    public Db Db { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
