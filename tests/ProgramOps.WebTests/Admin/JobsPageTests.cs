using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Data;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Admin;

public sealed class JobsPageTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    [Fact]
    public async Task Admins_see_each_job_with_its_next_run_and_can_run_one_now()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var page = await GetDocumentAsync(admin, "/admin/jobs");
        Assert.NotEqual("—", page.QuerySelector("tr[data-job='engagement-watch'] td:nth-child(4)")!.TextContent.Trim());

        await PostAsync(admin, "/admin/jobs?handler=Run&name=engagement-watch", FormFields(page, formSelector: "tr[data-job='engagement-watch'] form"));

        await using var c = await factory.Db.OpenAsync();
        for (var i = 0; i < 100 && await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM JobRuns WHERE JobName = 'engagement-watch' AND FinishedAt IS NOT NULL") == 0; i++) await Task.Delay(100);
        var run = await c.QuerySingleAsync<(string JobName, string TriggeredBy, string? Error)>("SELECT JobName, TriggeredBy, Error FROM JobRuns WHERE JobName = 'engagement-watch'");
        Assert.Equal(("engagement-watch", null), (run.JobName, run.Error));
        Assert.StartsWith("admin", run.TriggeredBy);
        Assert.Contains("件", (await GetDocumentAsync(admin, "/admin/jobs")).QuerySelector("tr[data-job='engagement-watch'] [data-last-run]")!.TextContent);
    }

    [Fact]
    public async Task A_run_shows_the_steps_it_left_undone_and_each_job_is_described_by_its_feature()
    {
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("""
                INSERT INTO JobRuns (JobName, StartedAt, FinishedAt, Items, Refused, Conflicts, TriggeredBy)
                VALUES ('program-clock', '2026-11-30T00:00:00.0000000Z', '2026-11-30T00:00:01.0000000Z', 10, 3, 2, 'scheduler')
                """);
        }

        var page = await GetDocumentAsync(await factory.SignedInClientAsync(Roles.Admin), "/admin/jobs");

        var skipped = page.QuerySelector("tr[data-job='program-clock'] [data-skipped]")!.TextContent;
        Assert.Contains("3", skipped);
        Assert.Contains("2", skipped);
        Assert.Contains("プログラム時計", page.QuerySelector("tr[data-job='program-clock']")!.TextContent);
        Assert.Null(page.QuerySelector("tr[data-job='team-health'] [data-skipped]"));
    }

    [Fact]
    public async Task Non_admins_cannot_see_or_run_jobs()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var response = await cs.GetAsync("/admin/jobs");

        Assert.StartsWith("/account/accessdenied", response.Headers.Location!.PathAndQuery);
    }
}

public sealed class JobStoreRestartTests
{
    [Fact]
    public async Task The_schedule_survives_a_restart_without_a_second_copy_of_any_trigger()
    {
        using var folder = new TempDirectory();
        var file = folder.File("restart.db");
        string first;
        using (var app = ProgramOpsFactory.OnFile(file))
        {
            first = await NextFireAsync(app.Services.GetRequiredService<Db>());
        }

        using var restarted = ProgramOpsFactory.OnFile(file);
        var db = restarted.Services.GetRequiredService<Db>();
        await using var c = await db.OpenAsync();

        Assert.Equal(first, await NextFireAsync(db));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'engagement-watch'"));
    }

    [Fact]
    public async Task A_run_cut_off_by_a_crash_is_run_again_as_soon_as_the_console_starts()
    {
        using var folder = new TempDirectory();
        var file = folder.File("crash.db");
        Db db;
        using (var app = ProgramOpsFactory.OnFile(file))
        {
            db = app.Services.GetRequiredService<Db>();
            await NextFireAsync(db);
        }

        // While a job runs, Quartz keeps its fired-trigger row and deletes it when the run ends: a process that dies
        // mid-run leaves the row behind, as here.
        var firedAt = DateTimeOffset.UtcNow.AddMinutes(-5).UtcTicks;
        await using (var c = await db.OpenAsync())
        {
            Assert.True(await c.ExecuteScalarAsync<bool>("SELECT REQUESTS_RECOVERY FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'team-health'"));
            await c.ExecuteAsync("""
                INSERT INTO QRTZ_FIRED_TRIGGERS (SCHED_NAME, ENTRY_ID, TRIGGER_NAME, TRIGGER_GROUP, INSTANCE_NAME, FIRED_TIME, SCHED_TIME, PRIORITY, STATE,
                                                 JOB_NAME, JOB_GROUP, IS_NONCONCURRENT, REQUESTS_RECOVERY)
                VALUES ('ProgramOps', 'crashed-run', 'team-health', 'schedule', 'NON_CLUSTERED', @firedAt, @firedAt, 5, 'EXECUTING', 'team-health', 'teams', 0, 1)
                """, new { firedAt });
        }

        using var restarted = ProgramOpsFactory.OnFile(file);
        var recovered = await WaitForAsync(restarted.Services.GetRequiredService<Db>(),
            "SELECT COUNT(*) FROM JobRuns WHERE JobName = 'team-health' AND TriggeredBy = 'recovery' AND FinishedAt IS NOT NULL AND Error IS NULL");

        Assert.Equal(1, recovered);
    }

    private static async Task<int> WaitForAsync(Db db, string count)
    {
        await using var c = await db.OpenAsync();
        for (var i = 0; i < 100; i++)
        {
            if (await c.ExecuteScalarAsync<int>(count) is > 0 and var found) return found;
            await Task.Delay(100);
        }

        return 0;
    }

    private static async Task<string> NextFireAsync(Db db)
    {
        await using var c = await db.OpenAsync();
        for (var i = 0; i < 100; i++)
        {
            if (await c.ExecuteScalarAsync<string?>("SELECT CAST(NEXT_FIRE_TIME AS TEXT) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'engagement-watch'") is { } next) return next;
            await Task.Delay(100);
        }

        throw new TimeoutException("The scheduler stored no trigger.");
    }
}
