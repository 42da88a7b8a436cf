using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Participants;

public sealed class ParticipantDetailsTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<(HttpClient Cs, long ParticipantId)> InvitedParticipantAsync(string tag)
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, tag);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var preview = await UploadAndPreviewAsync(cs, cohortId, "one.csv", Utf8Csv("社員番号,氏名,フリガナ,メールアドレス,部署", $"{tag}1,青木 春子,アオキ ハルコ,haruko@example.com,総務部"));
        var commit = await PostAsync(cs, preview.QuerySelector("form[action*='handler=Commit']")!.GetAttribute("action")!,
            FormFields(preview, formSelector: "form[action*='handler=Commit']"));
        await WaitForWorkerAsync(cs, commit.Headers.Location!.OriginalString);
        await using var c = await factory.Db.OpenAsync();
        return (cs, await c.ExecuteScalarAsync<long>("SELECT Id FROM Participants WHERE CohortId = @cohortId", new { cohortId }));
    }

    private static Dictionary<string, string> Step(AngleSharp.Html.Dom.IHtmlDocument page, string trigger, string reason) =>
        FormFields(page, new Dictionary<string, string> { ["Input.Trigger"] = trigger, ["Input.Reason"] = reason });

    [Fact]
    public async Task Staff_record_an_enrolment_with_a_reason_and_it_is_logged()
    {
        var (cs, id) = await InvitedParticipantAsync("登録記録");
        var page = await GetDocumentAsync(cs, $"/participants/{id}");

        var posted = await PostAsync(cs, $"/participants/{id}", Step(page, "Enrol", "電話で同意を確認、アプリ連携済み"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await GetDocumentAsync(cs, $"/participants/{id}");
        Assert.Equal("Enrolled", after.QuerySelector("h1 [data-state]")!.GetAttribute("data-state"));
        Assert.Contains("電話で同意を確認", after.QuerySelector("tr[data-transition='Enrol']")!.TextContent);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'Participant' AND EntityId = @id AND Action = 'Enrol'", new { id = id.ToString() }));
    }

    [Fact]
    public async Task Two_staff_recording_steps_from_the_same_page_get_one_step_and_one_conflict()
    {
        var (cs, id) = await InvitedParticipantAsync("競合");
        var page = await GetDocumentAsync(cs, $"/participants/{id}");

        var first = await PostAsync(cs, $"/participants/{id}", Step(page, "Enrol", "同意"));
        var second = await PostAsync(cs, $"/participants/{id}", Step(page, "Decline", "辞退の連絡"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull((await ReadDocumentAsync(second)).QuerySelector(".conflict"));
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(["Enrol"], await c.QueryAsync<string>("SELECT TriggerName FROM ParticipantTransitions WHERE ParticipantId = @id", new { id }));
    }

    [Fact]
    public async Task A_step_the_state_does_not_allow_is_refused_naming_the_state_and_what_is_allowed()
    {
        var (cs, id) = await InvitedParticipantAsync("拒否");
        var page = await GetDocumentAsync(cs, $"/participants/{id}");

        var refused = await ReadDocumentAsync(await PostAsync(cs, $"/participants/{id}", Step(page, "CheckIn", "テスト")));

        var message = refused.QuerySelector("[data-refusal]")!.TextContent;
        Assert.Contains("「招待済み」の参加者には「チェックイン」はできません", message);
        Assert.Contains("登録（同意・アプリ連携）", message);
    }

    [Fact]
    public async Task Withdrawal_erases_the_personal_data_and_keeps_the_anonymous_history()
    {
        var (cs, id) = await InvitedParticipantAsync("撤回");
        await PostAsync(cs, $"/participants/{id}", Step(await GetDocumentAsync(cs, $"/participants/{id}"), "Enrol", "同意あり"));

        await PostAsync(cs, $"/participants/{id}", Step(await GetDocumentAsync(cs, $"/participants/{id}"), "Withdraw", "本人から撤回の申し出（青木）"));

        await using var c = await factory.Db.OpenAsync();
        var row = await c.QuerySingleAsync<(string? FullName, string? Email, string? EmployeeNumber, string? Department, string State)>(
            "SELECT FullName, Email, EmployeeNumber, Department, State FROM Participants WHERE Id = @id", new { id });
        Assert.Equal((null, null, null, null, "Withdrawn"), row);
        Assert.Equal(["Enrol", "Withdraw"], await c.QueryAsync<string>("SELECT TriggerName FROM ParticipantTransitions WHERE ParticipantId = @id ORDER BY Id", new { id }));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantTransitions WHERE ParticipantId = @id AND Reason IS NOT NULL", new { id }));
        Assert.DoesNotContain("青木", (await GetDocumentAsync(cs, $"/participants/{id}")).Body!.TextContent);
    }

    [Fact]
    public async Task Viewers_see_a_participant_but_cannot_record_steps()
    {
        var (_, id) = await InvitedParticipantAsync("閲覧者");
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await GetDocumentAsync(viewer, $"/participants/{id}");

        Assert.Null(page.QuerySelector("form[method=post] select[name='Input.Trigger']"));
    }

    [Fact]
    public async Task Staff_find_a_participant_across_cohorts_by_name_or_by_the_invitation_code_they_read_out()
    {
        var (cs, id) = await InvitedParticipantAsync("検索");
        await using var c = await factory.Db.OpenAsync();
        var code = await c.ExecuteScalarAsync<string>("SELECT InvitationCode FROM Participants WHERE Id = @id", new { id });

        var byName = await GetDocumentAsync(cs, "/participants?q=青木");
        var byCode = await GetDocumentAsync(cs, $"/participants?q={code![..4]}-{code[4..8]}-{code[8..]}".ToLowerInvariant());

        Assert.Contains(byName.QuerySelectorAll("tr[data-participant]"), row => row.GetAttribute("data-participant") == id.ToString());
        Assert.Equal(id.ToString(), byCode.QuerySelector("tr[data-participant]")!.GetAttribute("data-participant"));
        Assert.Contains("該当する参加者はいません", (await GetDocumentAsync(cs, "/participants?q=存在しない名前")).QuerySelector(".empty")!.TextContent);
    }
}
