using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Health;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Health;

public sealed class HealthSnapshotJobTests : IDisposable
{
    private readonly TestDatabase _database = new();

    // Wednesday 2026-12-02 10:00 in Tokyo: the week of Monday 2026-11-30.
    private readonly LocalClock _clock = new(new FixedTime(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero)), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    public void Dispose() => _database.Dispose();

    private HealthSnapshotJob Job() =>
        new(_database.Db, new HealthAssessor(_database.Db, new Portfolio(_database.Db), _clock), _clock, NullLogger<HealthSnapshotJob>.Instance);

    private async Task<List<int>> ClientsAsync(int count)
    {
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await TestData.ClientAsync(_database.Db, new ClientInput { Name = $"ヘルス{i:D4}株式会社", Kind = ClientKind.Employer, EligiblePopulation = 100 }));
        }

        return ids;
    }

    private async Task<int> SnapshotsAsync()
    {
        await using var c = await _database.Db.OpenAsync();
        return await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM HealthSnapshots WHERE WeekOf = '2026-11-30'");
    }

    [Fact]
    public async Task Each_client_gets_one_snapshot_a_week_with_its_points_however_often_the_job_runs()
    {
        var ids = await ClientsAsync(3);
        await using (var c = await _database.Db.OpenAsync())
        {
            await c.ExecuteAsync(
                "INSERT INTO KeyPersons (ClientId, Name, Role, Version, CreatedAt, UpdatedAt, UpdatedBy) VALUES (@id, '山田 太郎', 'DecisionMaker', 1, @now, @now, 'seed')",
                new { id = ids[0], now = DateTimeOffset.UtcNow });
        }

        Assert.Equal(3, (await Job().RunAsync(CancellationToken.None)).Items);
        Assert.Equal(0, (await Job().RunAsync(CancellationToken.None)).Items);

        await using var db = await _database.Db.OpenAsync();
        var rows = (await db.QueryAsync<(int ClientId, string WeekOf, int Score, string? Weakest, string Parts)>(
            "SELECT ClientId, WeekOf, Score, Weakest, Parts FROM HealthSnapshots ORDER BY ClientId")).ToList();
        Assert.Equal(ids, rows.Select(r => r.ClientId));
        Assert.All(rows, r => Assert.Equal("2026-11-30", r.WeekOf));
        // Known for a new client: decision maker (on file or not) and open requests (none), weighted 10 and 10 in Enterprise.
        Assert.Equal(100, rows[0].Score);
        Assert.Equal(50, rows[1].Score);
        Assert.Equal("DecisionMaker", rows[1].Weakest);
        Assert.Contains("\"ClientRequests\":50", rows[1].Parts);
    }

    [Fact]
    public async Task A_run_cut_off_midway_keeps_its_whole_batches_and_the_next_run_writes_only_the_rest()
    {
        await ClientsAsync(HealthSnapshotJob.BatchSize + 20);
        await using (var c = await _database.Db.OpenAsync())
        {
            // The second batch fails part-way, as a crash would leave it: its transaction is rolled back whole.
            await c.ExecuteAsync($"""
                CREATE TRIGGER CrashMidRun BEFORE INSERT ON HealthSnapshots
                WHEN (SELECT COUNT(*) FROM HealthSnapshots) >= {HealthSnapshotJob.BatchSize + 5}
                BEGIN SELECT RAISE(ABORT, 'crash'); END
                """);
        }

        await Assert.ThrowsAnyAsync<Exception>(() => Job().RunAsync(CancellationToken.None));
        Assert.Equal(HealthSnapshotJob.BatchSize, await SnapshotsAsync());

        await using (var c = await _database.Db.OpenAsync())
        {
            await c.ExecuteAsync("DROP TRIGGER CrashMidRun");
        }

        Assert.Equal(20, (await Job().RunAsync(CancellationToken.None)).Items);
        Assert.Equal(HealthSnapshotJob.BatchSize + 20, await SnapshotsAsync());
        Assert.Equal(0, (await Job().RunAsync(CancellationToken.None)).Items);
    }
}
