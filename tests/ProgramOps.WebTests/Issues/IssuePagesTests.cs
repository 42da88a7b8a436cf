using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Issues;

/// <summary>
/// Issues on OutcomeTestCohort's program (a program of its own per test): 30 people, 6 lost at weeks 2–4, so the step
/// into weeks 5–12 converts 22 of 28 and the step into weeks 2–4 28 of 28.
/// </summary>
public sealed class IssuePagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    /// <summary>An interview of one of the cohort's drop-outs with one finding; returns the program, the finding and the interview.</summary>
    private async Task<(HttpClient Cs, int ProgramId, int FindingId, int CohortId)> FindingAsync(string tag, string stage = "Weeks5To12")
    {
        var cohort = await OutcomeTestCohort.CreateAsync(factory.Db, tag, new DateOnly(2026, 6, 1));
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var drawUrl = $"/interviews/draw?a.CohortId={cohort.CohortId}&stage=Weeks2To4";
        await PostAsync(cs, drawUrl, FormFields(await GetDocumentAsync(cs, drawUrl), new Dictionary<string, string> { ["Count"] = "1" }));
        await using var c = await factory.Db.OpenAsync();
        var interviewId = await c.ExecuteScalarAsync<int>(
            "SELECT i.Id FROM Interviews i JOIN Participants p ON p.Id = i.ParticipantId WHERE p.CohortId = @CohortId", new { cohort.CohortId });
        var page = await GetDocumentAsync(cs, $"/interviews/{interviewId}");
        await PostAsync(cs, $"/interviews/{interviewId}?handler=Finding", FormFields(page,
            new Dictionary<string, string> { ["FindingStage"] = stage, ["FindingText"] = $"{tag}：5週目以降の目標が見えず続ける理由がなくなった" }, "form[action*='handler=Finding']"));
        var programId = await c.ExecuteScalarAsync<int>("SELECT ProgramId FROM ReportingCohorts WHERE Id = @CohortId", new { cohort.CohortId });
        var findingId = await c.ExecuteScalarAsync<int>("SELECT Id FROM InterviewFindings WHERE InterviewId = @interviewId", new { interviewId });
        return (cs, programId, findingId, cohort.CohortId);
    }

    private static async Task<int> OpenIssueFromAsync(HttpClient cs, int findingId, string statement)
    {
        var url = $"/issues/new?findingId={findingId}";
        var created = await PostAsync(cs, url, FormFields(await GetDocumentAsync(cs, url), new Dictionary<string, string> { ["Input.Statement"] = statement }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task An_issue_opened_from_a_finding_takes_its_stage_links_it_and_shows_the_evidence_and_the_steps_current_conversion()
    {
        var (cs, programId, findingId, _) = await FindingAsync("課題作成");

        var form = await GetDocumentAsync(cs, $"/issues/new?findingId={findingId}");
        Assert.Equal("Weeks5To12", form.QuerySelector("select[name='Input.Stage'] option[selected]")!.GetAttribute("value"));
        var id = await OpenIssueFromAsync(cs, findingId, "5週目以降に続ける目標が見えない");

        var page = await GetDocumentAsync(cs, $"/issues/{id}");
        Assert.Equal("Weeks5To12", page.QuerySelector("[data-testid=issue-stage]")!.GetAttribute("data-stage"));
        var conversion = page.QuerySelector("[data-testid=issue-conversion]")!.TextContent;
        Assert.Contains("22/28", conversion);
        Assert.Contains("95%信頼区間", conversion);
        Assert.Contains("インタビュー1件（発見1件）・フィードバック0件（報告0件）・影響を受けた人1人", page.QuerySelector("[data-testid=issue-evidence]")!.TextContent);
        Assert.Single(page.QuerySelectorAll("[data-testid=issue-findings] tbody tr"));

        var list = await GetDocumentAsync(cs, $"/issues?programId={programId}&stage=Weeks5To12");
        Assert.Equal([id.ToString()], list.QuerySelectorAll("[data-testid=issues] tbody tr").Select(r => r.GetAttribute("data-issue")!));
        Assert.Empty((await GetDocumentAsync(cs, $"/issues?programId={programId}&stage=Week1")).QuerySelectorAll("[data-testid=issues] tbody tr"));
        Assert.DoesNotContain("Weeks5To12", list.Body!.TextContent);
    }

    [Fact]
    public async Task Feedback_items_are_linked_and_unlinked_and_the_evidence_follows_each_change_in_the_audit_log()
    {
        var (cs, _, findingId, cohortId) = await FindingAsync("課題根拠");
        var interviewId = 0;
        await using (var c = await factory.Db.OpenAsync())
        {
            interviewId = await c.ExecuteScalarAsync<int>("SELECT InterviewId FROM InterviewFindings WHERE Id = @findingId", new { findingId });
        }

        var interview = await GetDocumentAsync(cs, $"/interviews/{interviewId}");
        await PostAsync(cs, $"/interviews/{interviewId}?handler=Send", FormFields(interview, formSelector: "form[action*='handler=Send']"));
        var id = await OpenIssueFromAsync(cs, findingId, "目標が見えない");
        await using var db = await factory.Db.OpenAsync();
        var itemId = await db.ExecuteScalarAsync<int>("SELECT FeedbackItemId FROM InterviewFindings WHERE Id = @findingId", new { findingId });

        var page = await GetDocumentAsync(cs, $"/issues/{id}");
        var link = FormFields(page, formSelector: "form[action*='handler=Link']:has(select#link-item)");
        Assert.Equal(itemId.ToString(), link["LinkId"]);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cs, $"/issues/{id}?handler=Link", link)).StatusCode);
        page = await GetDocumentAsync(cs, $"/issues/{id}");
        Assert.Contains("フィードバック1件（報告1件）・影響を受けた人2人", page.QuerySelector("[data-testid=issue-evidence]")!.TextContent);

        var unlink = FormFields(page, formSelector: $"[data-testid=issue-feedback] tr[data-item='{itemId}'] form");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cs, $"/issues/{id}?handler=Unlink", unlink)).StatusCode);
        Assert.Contains("フィードバック0件", (await GetDocumentAsync(cs, $"/issues/{id}")).QuerySelector("[data-testid=issue-evidence]")!.TextContent);
        Assert.Equal(["IssueCreated", "IssueEvidenceLinked", "IssueEvidenceLinked", "IssueEvidenceUnlinked"], await db.QueryAsync<string>(
            "SELECT Action FROM AuditLog WHERE EntityType = 'Issue' AND EntityId = @id AND Action <> 'IssueViewed' ORDER BY Id", new { id = id.ToString() }));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(cs, $"/issues/{id}?handler=Unlink", unlink)).StatusCode);
        Assert.Equal(cohortId, await db.ExecuteScalarAsync<int>("SELECT CohortId FROM FeedbackItems WHERE Id = @itemId", new { itemId }));
    }

    [Fact]
    public async Task An_edit_from_a_stale_form_is_told_who_saved_first_and_a_missing_statement_is_named()
    {
        var (cs, _, findingId, _) = await FindingAsync("課題編集");
        var id = await OpenIssueFromAsync(cs, findingId, "最初の文");
        var stale = await GetDocumentAsync(cs, $"/issues/{id}/edit");

        var empty = await ReadDocumentAsync(await PostAsync(cs, $"/issues/{id}/edit", FormFields(stale, new Dictionary<string, string> { ["Input.Statement"] = " " })));
        Assert.Contains("課題の内容：問題を入力してください", empty.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cs, $"/issues/{id}/edit", FormFields(stale, new Dictionary<string, string> { ["Input.Statement"] = "直した文", ["Input.Stage"] = "Weeks2To4" }))).StatusCode);
        var conflict = await PostAsync(cs, $"/issues/{id}/edit", FormFields(stale, new Dictionary<string, string> { ["Input.Statement"] = "別の人の文" }));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.NotNull((await ReadDocumentAsync(conflict)).QuerySelector(".conflict"));
        var page = await GetDocumentAsync(cs, $"/issues/{id}");
        Assert.Equal("直した文", page.QuerySelector("[data-testid=issue-statement]")!.TextContent.Trim());
        Assert.Contains("28/28", page.QuerySelector("[data-testid=issue-conversion]")!.TextContent);
    }

    [Fact]
    public async Task BizDev_and_viewers_cannot_open_issues()
    {
        foreach (var role in new[] { Roles.BizDev, Roles.Viewer })
        {
            var other = await factory.SignedInClientAsync(role);
            Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync("/issues")).StatusCode);
        }
    }
}
