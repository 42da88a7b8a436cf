using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Participants;

public sealed class BulkStepTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    [Fact]
    public async Task A_dry_run_says_who_would_move_and_who_would_be_refused_and_applying_moves_exactly_those()
    {
        var (cohortId, contractId, _) = await EnrollingCohortAsync(factory, "一括");
        var ids = await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, 6);
        await using var c = await factory.Db.OpenAsync();
        await c.ExecuteAsync("UPDATE Participants SET State = 'Declined' WHERE Id IN @ids", new { ids = ids.Take(2) });
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var url = $"/cohorts/{cohortId}/participants/bulk";
        var form = await GetDocumentAsync(cs, url);
        Assert.Equal("6", form.QuerySelector("[data-selected]")!.GetAttribute("data-selected"));

        var fields = FormFields(form, new Dictionary<string, string> { ["Input.Trigger"] = "Enrol", ["Input.Reason"] = "説明会で同意を確認" });
        var dryRun = await ReadDocumentAsync(await PostAsync(cs, $"{url}?handler=DryRun", fields));

        Assert.Equal("4", dryRun.QuerySelector("[data-would-move]")!.GetAttribute("data-would-move"));
        Assert.Contains("2", dryRun.QuerySelector("li[data-refused='Declined']")!.TextContent);
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE CohortId = @cohortId AND State = 'Enrolled'", new { cohortId }));

        var applied = await PostAsync(cs, $"{url}?handler=Apply", fields);

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(4, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE CohortId = @cohortId AND State = 'Enrolled'", new { cohortId }));
        Assert.Equal(4, await c.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM ParticipantTransitions t JOIN Participants p ON p.Id = t.ParticipantId WHERE p.CohortId = @cohortId AND t.Reason = '説明会で同意を確認'", new { cohortId }));
    }

    [Fact]
    public async Task A_bulk_step_needs_a_step_and_a_reason_and_viewers_cannot_reach_it()
    {
        var (cohortId, contractId, _) = await EnrollingCohortAsync(factory, "一括検証");
        await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, 2);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var url = $"/cohorts/{cohortId}/participants/bulk";

        var empty = await ReadDocumentAsync(await PostAsync(cs, $"{url}?handler=DryRun", FormFields(await GetDocumentAsync(cs, url))));
        var viewer = await (await factory.SignedInClientAsync(Roles.Viewer)).GetAsync(url);

        Assert.Contains("記録するステップを選んでください", empty.QuerySelector(".error-summary")!.TextContent);
        Assert.StartsWith("/account/accessdenied", viewer.Headers.Location!.PathAndQuery);
    }
}
