using Quartz;

namespace ProgramOps.Web.Infrastructure.Jobs;

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
    /// <returns>How many items the run handled.</returns>
    public abstract Task<int> RunAsync(CancellationToken ct);

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

        int items = 0;
        string? error = null;
        try
        {
            items = await RunAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Job {Job} failed", name);
            error = e.Message;
        }

        await using (var connection = await Db.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(JobRunsSql.Finish, new { Id = runId, Now = Time.GetUtcNow(), Items = items, Error = error });
        }

        if (error is not null) throw new JobExecutionException(error);
    }
}
