using Quartz;

namespace ProgramOps.Web.Infrastructure.Jobs;

/// <summary>
/// A scheduled job: its class, identity, schedule (cron, in the console's time zone), and the resource that describes it
/// on the Admin jobs page (<c>Job.Description</c> of <paramref name="Texts"/>, the owning feature's texts).
/// </summary>
public sealed record ScheduledJob(Type JobType, JobKey Key, string Cron, Type Texts)
{
    public const string DescriptionKey = "Job.Description";
}

/// <summary>
/// Quartz in the console process, its job store in the application's database (tables from db/*/0008_quartz.sql).
/// On SQL Server the store is clustered, so several web nodes share the schedule and each run happens on one node.
/// </summary>
public static class JobsExtensions
{
    /// <summary>A feature's scheduled job; <see cref="AddProgramOpsJobs"/> schedules every job registered before it.</summary>
    public static IServiceCollection AddScheduledJob<TJob, TTexts>(this IServiceCollection services, JobKey key, string cron) where TJob : IJob =>
        services.AddSingleton(new ScheduledJob(typeof(TJob), key, cron, typeof(TTexts)));

    public static IServiceCollection AddProgramOpsJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var jobs = services.Where(d => d.ServiceType == typeof(ScheduledJob)).Select(d => (ScheduledJob)d.ImplementationInstance!).ToList();
        // The Db the data layer registered, for the connection string: the scheduler is configured before the container is built.
        var db = (Db)services.Single(d => d.ServiceType == typeof(Db)).ImplementationInstance!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration.GetSection(TimeZoneOptions.Section).Get<TimeZoneOptions>()?.TimeZone ?? new TimeZoneOptions().TimeZone);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "ProgramOps");
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer(_ => { });
                if (db.Provider == DatabaseProvider.Sqlite)
                {
                    store.UseSqlite(db.ConnectionString);
                }
                else
                {
                    store.UseSqlServer(db.ConnectionString);
                    store.UseClustering(_ => { });
                }
            });
            foreach (var job in jobs)
            {
                // Requests recovery: a run cut off by a crash is run again as soon as the scheduler starts, rather than
                // waiting for the next day; the jobs are idempotent, so the rerun finishes what the crash left.
                q.AddJob(job.JobType, j => j.WithIdentity(job.Key).StoreDurably().RequestRecovery());
                // A stable trigger identity: with a persistent store an unnamed trigger would be stored again at every start.
                // Fire-and-proceed: after downtime a missed run happens once, then the schedule goes on.
                q.AddTrigger(t => t.WithIdentity(job.Key.Name, "schedule").ForJob(job.Key)
                    .WithCronSchedule(job.Cron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        services.AddHostedService<SchedulerStart>();
        return services;
    }
}
