using Quartz;

namespace ProgramOps.Web.Infrastructure.Jobs;

/// <summary>A scheduled job: its class, identity, schedule, and the description the Admin page shows.</summary>
public sealed record ScheduledJob(Type JobType, JobKey Key, string Cron, string DescriptionKey);

/// <summary>
/// Quartz in the console process, its job store in the application's database (tables from db/*/0008_quartz.sql).
/// On SQL Server the store is clustered, so several web nodes share the schedule and each run happens on one node.
/// </summary>
public static class JobsExtensions
{
    public static IServiceCollection AddProgramOpsJobs(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<ScheduledJob> jobs)
    {
        // The Db the data layer registered, for the connection string: the scheduler is configured before the container is built.
        var db = (Db)services.Single(d => d.ServiceType == typeof(Db)).ImplementationInstance!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration.GetSection(TimeZoneOptions.Section).Get<TimeZoneOptions>()?.TimeZone ?? new TimeZoneOptions().TimeZone);
        services.AddSingleton(jobs);
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
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
