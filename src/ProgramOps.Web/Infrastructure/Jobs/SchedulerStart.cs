using Quartz;

namespace ProgramOps.Web.Infrastructure.Jobs;

/// <summary>
/// Creates and starts the Quartz scheduler once the console listens, in place of Quartz's own hosted service, which
/// creates it before: creating it stores every job and trigger in the job store and compiles Quartz's store on first
/// use, about 0.3 s of a 2.4 s cold start, while no job may run before the console has started anyway. A scheduler that
/// cannot start stops the console, as it did when it failed before listening. Shutting down waits for running jobs.
/// </summary>
public sealed class SchedulerStart(IHostApplicationLifetime lifetime, ISchedulerFactory schedulers, ILogger<SchedulerStart> logger) : IHostedService
{
    private readonly Lock gate = new();
    private Task<IScheduler?>? starting;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            lock (gate) starting = Task.Run(StartSchedulerAsync);
        });
        return Task.CompletedTask;
    }

    private async Task<IScheduler?> StartSchedulerAsync()
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(lifetime.ApplicationStopping);
            await scheduler.Start(lifetime.ApplicationStopping);
            return scheduler;
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception failure)
        {
            logger.LogCritical(failure, "The job scheduler could not start; the console stops");
            lifetime.StopApplication();
            return null;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task<IScheduler?>? started;
        lock (gate) started = starting;
        if (started is null || await started.WaitAsync(cancellationToken) is not { } scheduler) return;
        await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }
}
