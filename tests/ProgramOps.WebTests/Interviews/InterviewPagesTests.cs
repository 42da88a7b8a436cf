using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Interviews;

/// <summary>
/// N1 interviews on OutcomeTestCohort's 30 people, of whom 6 dropped out in week 3 (lost at weeks 2–4): the draw, the
/// interview's steps, findings sent to the feedback router once, and the erasure on withdrawal.
/// </summary>
public sealed class InterviewPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private static string DrawUrl(int cohortId) => $"/interviews/draw?a.CohortId={cohortId}&stage=Weeks2To4";

    private static async Task<HttpResponseMessage> DrawAsync(HttpClient cs, int cohortId, int count)
    {
        var url = DrawUrl(cohortId);
        return await PostAsync(cs, url, FormFields(await GetDocumentAsync(cs, url), new Dictionary<string, string> { ["Count"] = count.ToString() }));
    }

    private async Task<(HttpClient Cs, int CohortId, int InterviewId)> OneInterviewAsync(string tag)
    {
        var cohort = await OutcomeTestCohort.CreateAsync(factory.Db, tag, new DateOnly(2026, 6, 1));
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        await DrawAsync(cs, cohort.CohortId, 1);
        await using var c = await factory.Db.OpenAsync();
        var id = await c.ExecuteScalarAsync<int>(
            "SELECT i.Id FROM Interviews i JOIN Participants p ON p.Id = i.ParticipantId WHERE p.CohortId = @CohortId", new { cohort.CohortId });
        return (cs, cohort.CohortId, id);
    }

    private static async Task<HttpResponseMessage> PostOnAsync(HttpClient cs, int id, string handler, Dictionary<string, string> fields)
    {
        var page = await GetDocumentAsync(cs, $"/interviews/{id}");
        var all = FormFields(page, fields, $"form[action*='handler={handler}']");
        return await PostAsync(cs, $"/interviews/{id}?handler={handler}", all);
    }

    [Fact]
    public async Task Five_people_are_drawn_from_those_lost_at_the_step_and_a_second_draw_takes_only_who_is_left()
    {
        var cohort = await OutcomeTestCohort.CreateAsync(factory.Db, "面談抽出", new DateOnly(2026, 6, 1));
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var pool = await GetDocumentAsync(cs, DrawUrl(cohort.CohortId));
        Assert.Contains("6人", pool.QuerySelector("[data-testid=draw-pool]")!.TextContent);
        var first = await DrawAsync(cs, cohort.CohortId, 5);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var list = await GetDocumentAsync(cs, first.Headers.Location!.OriginalString);
        Assert.Equal(5, list.QuerySelectorAll("[data-testid=interviews] tbody tr").Length);
        Assert.Contains("シード", list.QuerySelector("[data-testid=draw-summary]")!.TextContent);
        await DrawAsync(cs, cohort.CohortId, 5);

        await using var c = await factory.Db.OpenAsync();
        var drawn = (await c.QueryAsync<(long ParticipantId, string State)>(
            "SELECT i.ParticipantId, p.State FROM Interviews i JOIN Participants p ON p.Id = i.ParticipantId WHERE p.CohortId = @CohortId", new { cohort.CohortId })).ToList();
        Assert.Equal(6, drawn.Count);
        Assert.Equal(6, drawn.Select(d => d.ParticipantId).Distinct().Count());
        Assert.All(drawn, d => Assert.Equal("DroppedOut", d.State));
        Assert.Equal([5, 5], await c.QueryAsync<int>(
            "SELECT d.Requested FROM InterviewDraws d WHERE d.Selection = @Selection ORDER BY d.Id", new { Selection = $"a.CohortId={cohort.CohortId}" }));
        Assert.Equal(2, await c.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM AuditLog a JOIN InterviewDraws d ON a.EntityId = CAST(d.Id AS TEXT) WHERE a.EntityType = 'InterviewDraw' AND a.Action = 'InterviewCandidatesDrawn' AND d.Selection = @Selection",
            new { Selection = $"a.CohortId={cohort.CohortId}" }));
    }

    [Fact]
    public async Task An_interview_moves_through_its_steps_a_wrong_step_is_refused_and_a_stale_form_is_told_who_saved_first()
    {
        var (cs, _, id) = await OneInterviewAsync("面談手順");

        var stale = await GetDocumentAsync(cs, $"/interviews/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await PostOnAsync(cs, id, "Step", new() { ["Step"] = "Contact" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostOnAsync(cs, id, "Step", new() { ["Step"] = "Consent" })).StatusCode);
        var refused = await ReadDocumentAsync(await PostOnAsync(cs, id, "Step", new() { ["Step"] = "Complete" }));
        Assert.Contains("「同意済み」の間は「実施した」にできません", refused.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await PostOnAsync(cs, id, "Step", new() { ["Step"] = "Schedule", ["ScheduledFor"] = "2026-12-03T14:00" })).StatusCode);

        var page = await GetDocumentAsync(cs, $"/interviews/{id}");
        Assert.Equal("Scheduled", page.QuerySelector("[data-testid=interview-status]")!.GetAttribute("data-status"));
        Assert.Contains("2026-12-03 14:00", page.QuerySelector("[data-testid=interview-status]")!.TextContent);
        var conflict = await PostAsync(cs, $"/interviews/{id}?handler=Step", FormFields(stale, new Dictionary<string, string> { ["Step"] = "Decline" }, "form[action*='handler=Step']"));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.NotNull((await ReadDocumentAsync(conflict)).QuerySelector(".conflict"));

        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(("Scheduled", "2026-12-03T05:00:00.0000000Z"), await c.QuerySingleAsync<(string, string)>("SELECT Status, ScheduledFor FROM Interviews WHERE Id = @id", new { id }));
        Assert.Equal(3, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'Interview' AND EntityId = @id AND Action = 'InterviewStepped'", new { id = id.ToString() }));
        Assert.True(await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'Interview' AND EntityId = @id AND Action = 'InterviewViewed'", new { id = id.ToString() }) >= 5);
    }

    [Fact]
    public async Task A_finding_is_sent_to_the_feedback_router_once_as_an_N1_interview_item_of_its_stage()
    {
        var (cs, cohortId, id) = await OneInterviewAsync("面談発見");

        await PostOnAsync(cs, id, "Finding", new() { ["FindingStage"] = "Weeks2To4", ["FindingText"] = "3週目に夜のチャットが静かになり、相談できる相手がいなかった" });
        var page = await GetDocumentAsync(cs, $"/interviews/{id}");
        var sendForm = FormFields(page, formSelector: "form[action*='handler=Send']");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cs, $"/interviews/{id}?handler=Send", sendForm)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cs, $"/interviews/{id}?handler=Send", sendForm)).StatusCode);

        await using var c = await factory.Db.OpenAsync();
        var items = (await c.QueryAsync<(string Source, string Stage, int CohortId, string Title)>(
            "SELECT Source, Stage, CohortId, Title FROM FeedbackItems WHERE Id IN (SELECT FeedbackItemId FROM InterviewFindings WHERE InterviewId = @id)", new { id })).ToList();
        Assert.Equal([("N1Interview", "Weeks2To4", cohortId, "3週目に夜のチャットが静かになり、相談できる相手がいなかった")], items);
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM FeedbackItems WHERE Title = '3週目に夜のチャットが静かになり、相談できる相手がいなかった'"));
        Assert.NotNull((await GetDocumentAsync(cs, $"/interviews/{id}")).QuerySelector("[data-testid=finding-feedback]"));
    }

    [Fact]
    public async Task Withdrawal_erases_the_notes_and_findings_words_and_declines_the_open_interview_in_the_same_transaction()
    {
        var (cs, _, id) = await OneInterviewAsync("面談撤回");
        await PostOnAsync(cs, id, "Notes", new() { ["Notes"] = "本人の携帯 090-0000-0000、平日夜なら話せる" });
        await PostOnAsync(cs, id, "Finding", new() { ["FindingStage"] = "Week1", ["FindingText"] = "初週にアプリの通知が多すぎると感じた" });
        await using var c = await factory.Db.OpenAsync();
        var participantId = await c.ExecuteScalarAsync<long>("SELECT ParticipantId FROM Interviews WHERE Id = @id", new { id });

        var version = await c.ExecuteScalarAsync<int>("SELECT Version FROM Participants WHERE Id = @participantId", new { participantId });

        // The participant lifecycle's own withdrawal, as the participant page and the events API fire it.
        using (var scope = factory.Services.CreateScope())
        {
            var transitions = scope.ServiceProvider.GetRequiredService<ParticipantTransitions>();
            var result = await factory.Db.InTransactionAsync((tc, tt) => transitions.FireAsync(tc, tt, participantId, version,
                (lifecycle, cause) => lifecycle.Fire(ParticipantTrigger.Withdraw, cause), null, "test", "撤回の申し出", null, CancellationToken.None));
            Assert.IsType<Transitioned>(result);
        }

        Assert.Equal("Withdrawn", await c.ExecuteScalarAsync<string>("SELECT State FROM Participants WHERE Id = @participantId", new { participantId }));
        var interview = await c.QuerySingleAsync<(string? Notes, string Status, string? ErasedAt)>("SELECT Notes, Status, ErasedAt FROM Interviews WHERE Id = @id", new { id });
        Assert.Equal((null, "Declined"), (interview.Notes, interview.Status));
        Assert.NotNull(interview.ErasedAt);
        Assert.Equal([(null, "Week1")], await c.QueryAsync<(string?, string)>("SELECT Text, Stage FROM InterviewFindings WHERE InterviewId = @id", new { id }));
        var page = await GetDocumentAsync(cs, $"/interviews/{id}");
        Assert.NotNull(page.QuerySelector("[data-testid=interview-erased]"));
        Assert.DoesNotContain("090-0000-0000", page.Body!.TextContent);
        Assert.DoesNotContain("通知が多すぎる", page.Body.TextContent);
    }

    [Fact]
    public async Task BizDev_and_viewers_cannot_open_interviews_and_the_list_shows_no_identifier()
    {
        var (cs, _, id) = await OneInterviewAsync("面談権限");

        var list = await GetDocumentAsync(cs, "/interviews");
        Assert.DoesNotContain("Status.", list.Body!.TextContent);
        Assert.DoesNotContain("Candidate", list.Body.TextContent);
        foreach (var role in new[] { Roles.BizDev, Roles.Viewer })
        {
            var other = await factory.SignedInClientAsync(role);
            Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync($"/interviews/{id}")).StatusCode);
        }
    }
}
