using Quartz;

namespace ProgramOps.Web.Infrastructure.Jobs;

/// <summary>
/// What one run did: the items it handled, and the steps it planned but left — refused by a participant's own state
/// machine, or lost to someone else's change since it read them (the next run looks again). Nothing is dropped unseen.
/// </summary>
public sealed record JobResult(int Items, int Refused = 0, int Conflicts = 0)
{
    public static readonly JobResult Nothing = new(0);
}

/// <summary>
/// A scheduled job whose every run is recorded (start, end, items handled, error) for the Admin jobs page. The
/// work itself must be idempotent: a second run right after the first finds nothing left to do, and a run cut off
/// by a crash is finished by the next one.
/// </summary>
[DisallowConcurrentExecution]
public abstract class RecordedJob(Db db, TimeProvider time, ILogger logger) : IJob
{
    protected Db Db { get; } = db;

    protected TimeProvider Time { get; } = time;

    /// <summary>Who asked for a run: the scheduler, a staff member through "run now", or recovery after a crash.</summary>
    public const string TriggeredByKey = "triggeredBy";

    /// <summary>The job's work, once; the scheduler calls it through <see cref="Execute"/>, which records the run.</summary>
    public abstract Task<JobResult> RunAsync(CancellationToken ct);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var name = context.JobDetail.Key.Name;
        var triggeredBy = context.Recovering ? "recovery"
            : context.MergedJobDataMap.TryGetString(TriggeredByKey, out var who) && who is not null ? who : "scheduler";
        int runId;
        await using (var connection = await Db.OpenAsync(ct))
        {
            runId = await connection.ExecuteScalarAsync<int>(new CommandDefinition(JobRunsSql.Start(Db.Dialect),
                new { JobName = name, Now = Time.GetUtcNow(), TriggeredBy = triggeredBy }, cancellationToken: ct));
        }

        var result = JobResult.Nothing;
        string? error = null;
        try
        {
            result = await RunAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Job {Job} failed", name);
            error = e.Message;
        }

        await using (var connection = await Db.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(new CommandDefinition(JobRunsSql.Finish,
                new { Id = runId, Now = Time.GetUtcNow(), result.Items, result.Refused, result.Conflicts, Error = error }, cancellationToken: CancellationToken.None));
        }

        if (error is not null) throw new JobExecutionException(error);
    }
}
