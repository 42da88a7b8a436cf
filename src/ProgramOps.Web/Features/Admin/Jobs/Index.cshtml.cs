using ProgramOps.Web.Infrastructure.Jobs;
using Quartz;

namespace ProgramOps.Web.Features.Admin.Jobs;

/// <summary>Each scheduled job: its schedule, its last run (duration, items, error) and next run; run one now.</summary>
public sealed class IndexModel(
    Db db, ISchedulerFactory schedulers, IEnumerable<ScheduledJob> jobs, AuditTrail audit, ICurrentUser user, IStringLocalizer<AdminText> text,
    IStringLocalizerFactory texts) : PageModel
{
    public sealed record LastRun
    {
        public required string JobName { get; init; }
        public DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset? FinishedAt { get; init; }
        public int Items { get; init; }
        public int Refused { get; init; }
        public int Conflicts { get; init; }
        public string? Error { get; init; }
        public required string TriggeredBy { get; init; }
    }

    public sealed record Row(ScheduledJob Job, DateTimeOffset? NextRun, LastRun? Last);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The job's description, from the texts of the feature that owns it.</summary>
    public string Describe(ScheduledJob job) => texts.Create(job.Texts)[ScheduledJob.DescriptionKey];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await using var connection = await db.OpenAsync(ct);
        var runs = (await connection.QueryAsync<LastRun>(new CommandDefinition(JobRunsSql.Latest, cancellationToken: ct))).ToDictionary(r => r.JobName);
        var rows = new List<Row>();
        foreach (var job in jobs)
        {
            var trigger = await scheduler.GetTrigger(new TriggerKey(job.Key.Name, "schedule"), ct);
            rows.Add(new Row(job, trigger?.NextFireTimeUtc, runs.GetValueOrDefault(job.Key.Name)));
        }

        Rows = rows;
    }

    public async Task<IActionResult> OnPostRunAsync(string name, CancellationToken ct)
    {
        var job = jobs.FirstOrDefault(j => j.Key.Name == name);
        if (job is null) return NotFound();
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(job.Key, new JobDataMap { [RecordedJob.TriggeredByKey] = user.UserName }, ct);
        await db.InTransactionAsync((c, t) => audit.RecordAsync(c, t, new AuditEntry("Job", job.Key.Name, "RunRequested")), ct);
        TempData["Flash"] = text["Jobs.Started", Describe(job)].Value;
        return RedirectToPage();
    }
}
