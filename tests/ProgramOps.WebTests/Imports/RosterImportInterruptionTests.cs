using Microsoft.Extensions.DependencyInjection;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Imports;

/// <summary>Work cut off by a crash (issue 17.7): a running worker reclaims it from the dead at once, and the page says so.</summary>
public sealed class RosterImportInterruptionTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    // No process has this id (Linux's highest is 4,194,304): the worker that claimed the work is gone.
    private static readonly string DeadWorker = $"{Environment.MachineName}/99999999/dead";

    [Fact]
    public async Task A_check_whose_worker_died_is_reclaimed_at_once_and_resumes_saying_what_happened()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "再開");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var preview = await UploadAndPreviewAsync(cs, cohortId, "roster.csv", Utf8Csv(RosterHeader, "R001,山田 太郎,,taro@example.com,,"));
        var importId = ImportId(preview);
        // As the worker of a process killed mid-check left it, its lease still running for most of a minute.
        await ClaimAsync(importId, "Validating", DeadWorker, DateTimeOffset.UtcNow.AddSeconds(55), attempts: 1);

        var resumed = await WaitForWorkerAsync(cs, $"/cohorts/{cohortId}/imports/{importId}");

        Assert.Equal(("Previewed", "1"), (Status(resumed), Count(resumed, "valid")));
        Assert.Equal("Interrupted", resumed.QuerySelector("[data-notice]")!.GetAttribute("data-notice"));
        Assert.Contains("途中で停止", resumed.QuerySelector("[data-notice]")!.TextContent);
    }

    [Fact]
    public async Task A_commit_that_lost_its_worker_too_often_goes_back_to_its_preview_for_a_person_to_discard()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "断念");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var preview = await UploadAndPreviewAsync(cs, cohortId, "roster.csv", Utf8Csv(RosterHeader, "S001,山田 太郎,,taro@example.com,,"));
        var importId = ImportId(preview);
        await ClaimAsync(importId, "Committing", "another-node/1/gone", DateTimeOffset.UtcNow.AddSeconds(-1), attempts: 3);

        var stopped = await WaitForWorkerAsync(cs, $"/cohorts/{cohortId}/imports/{importId}");
        for (var attempt = 0; attempt < 100 && Status(stopped) != "Previewed"; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            stopped = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/imports/{importId}");
        }

        Assert.Equal("Previewed", Status(stopped));
        Assert.Equal("InterruptedRepeatedly", stopped.QuerySelector("[data-notice]")!.GetAttribute("data-notice"));
        var discarded = await PostAsync(cs, $"/cohorts/{cohortId}/imports/{importId}?handler=Discard",
            FormFields(stopped, formSelector: "form[action*='handler=Discard']"));
        Assert.Equal("Discarded", Status(await WaitForWorkerAsync(cs, discarded.Headers.Location!.OriginalString)));
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE CohortId = @cohortId", new { cohortId }));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM AuditLog WHERE Action = 'RosterDiscarded' AND EntityId = @cohortId", new { cohortId = cohortId.ToString() }));
    }

    [Fact]
    public async Task Work_of_a_live_worker_on_another_node_is_left_alone_while_its_lease_runs()
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, "稼働中");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var preview = await UploadAndPreviewAsync(cs, cohortId, "roster.csv", Utf8Csv(RosterHeader, "T001,山田 太郎,,taro@example.com,,"));
        var importId = ImportId(preview);
        await ClaimAsync(importId, "Committing", "another-node/1/alive", DateTimeOffset.UtcNow.AddMinutes(5), attempts: 1);

        factory.Services.GetRequiredService<ProgramOps.Web.Features.Cohorts.Imports.ImportQueueSignal>().Wake();
        await Task.Delay(1_000, TestContext.Current.CancellationToken);

        var page = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/imports/{importId}");
        Assert.Equal("Committing", Status(page));
    }

    private async Task ClaimAsync(string importId, string status, string worker, DateTimeOffset leaseUntil, int attempts)
    {
        await using var c = await factory.Db.OpenAsync();
        await c.ExecuteAsync(
            "UPDATE RosterImports SET Status = @status, ClaimedBy = @worker, LeaseUntil = @leaseUntil, Attempts = @attempts WHERE Id = @importId",
            new { status, worker, leaseUntil, attempts, importId = int.Parse(importId) });
        factory.Services.GetRequiredService<ProgramOps.Web.Features.Cohorts.Imports.ImportQueueSignal>().Wake();
    }
}
