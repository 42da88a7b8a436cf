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
        for (var i = 0; i < 100 && await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM JobRuns WHERE FinishedAt IS NOT NULL") == 0; i++) await Task.Delay(100);
        var run = await c.QuerySingleAsync<(string JobName, string TriggeredBy, string? Error)>("SELECT JobName, TriggeredBy, Error FROM JobRuns");
        Assert.Equal(("engagement-watch", null), (run.JobName, run.Error));
        Assert.StartsWith("admin", run.TriggeredBy);
        Assert.Contains("件", (await GetDocumentAsync(admin, "/admin/jobs")).QuerySelector("tr[data-job='engagement-watch'] [data-last-run]")!.TextContent);
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
