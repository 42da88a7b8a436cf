using System.Text.Json;
using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Health;

/// <summary>
/// Health snapshot (weekly): every client's score of the week, written once per client and week in short batches, so
/// the trend can be shown and the at-risk list read without scoring every client on each request. A second run in the
/// same week writes nothing; a run cut off midway leaves whole batches, and the next run writes the rest.
/// </summary>
public sealed class HealthSnapshotJob(Db db, HealthAssessor assessor, LocalClock clock, ILogger<HealthSnapshotJob> logger) : RecordedJob(db, clock.Time, logger)
{
    public static readonly JobKey Key = new("health-snapshot", "health");
    public const int BatchSize = 500;

    /// <summary>The Monday the week of <paramref name="day"/> starts on: a snapshot's week.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public override async Task<JobResult> RunAsync(CancellationToken ct)
    {
        var week = WeekOf(clock.Today);
        var scored = (await assessor.AssessAllAsync(ct)).Where(h => h.Health is not null).ToList();
        var written = 0;
        foreach (var batch in scored.Chunk(BatchSize))
        {
            written += await Db.InTransactionAsync(async (c, t) =>
            {
                var rows = batch.Select(h => new
                {
                    h.ClientId, WeekOf = week, h.Health!.Score, Weakest = h.Health.Weakest()?.ToString(), Parts = PartsJson(h.Health), Now = clock.UtcNow,
                });
                return await c.ExecuteAsync(new CommandDefinition(AccountHealthSql.InsertSnapshot, rows, t, cancellationToken: ct));
            }, ct);
        }

        return new JobResult(written);
    }

    /// <summary>What each signal added, kept with the snapshot so a past week's score can be explained as it was.</summary>
    public static string PartsJson(HealthScore health) =>
        JsonSerializer.Serialize(health.Parts.Where(p => p.Score is not null).ToDictionary(p => p.Signal.ToString(), p => Math.Round(p.Points, 1)));
}
