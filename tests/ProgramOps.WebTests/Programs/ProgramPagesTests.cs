using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Programs;

public sealed class ProgramPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<(HttpClient Admin, int ProgramId, string DraftUrl)> LaunchAsync(string code, string startFrom = "smoking-12w")
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var form = await GetDocumentAsync(admin, "/programs/launch");
        var launched = await PostAsync(admin, "/programs/launch", FormFields(form, new Dictionary<string, string>
        {
            ["Input.StartFrom"] = startFrom, ["Input.Code"] = code, ["Input.NameJa"] = $"{code} 日本語名", ["Input.NameEn"] = $"{code} English",
        }));
        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);
        var details = launched.Headers.Location!.OriginalString;
        var programId = int.Parse(details.Split('/').Last());
        var page = await GetDocumentAsync(admin, details);
        var draftUrl = page.QuerySelector("a[href*='/versions/']")!.GetAttribute("href")!;
        return (admin, programId, draftUrl);
    }

    [Fact]
    public async Task Admins_see_the_participant_lifecycle_drawn_from_the_state_machine_with_the_versions_thresholds()
    {
        var (admin, programId, _) = await LaunchAsync("lifecycle-view");

        var page = await GetDocumentAsync(admin, $"/programs/details/{programId}");
        var english = await GetDocumentAsync(admin, $"/programs/details/{programId}?culture=en&ui-culture=en");
        var cs = await GetDocumentAsync(await factory.SignedInClientAsync(Roles.ProgramCS), $"/programs/details/{programId}");

        var japaneseTable = page.QuerySelector("table.lifecycle")!.TextContent;
        Assert.Contains("3 日間チェックインがない", japaneseTable);
        Assert.Contains("離脱リスク", japaneseTable);
        Assert.DoesNotContain("MarkAtRisk", japaneseTable);
        Assert.DoesNotContain("AtRisk", japaneseTable);
        Assert.Contains("no check-in for 3 days", english.QuerySelector("table.lifecycle")!.TextContent);

        // The diagram is drawn on the server in the reader's language; no Mermaid source to paste elsewhere.
        var diagram = page.QuerySelector("svg[data-lifecycle-diagram]")!;
        Assert.Equal(10, diagram.QuerySelectorAll("g.state").Length);
        Assert.Equal("離脱リスク", diagram.QuerySelector("g.state[data-state='AtRisk'] text")!.TextContent);
        Assert.Contains("チェックイン", diagram.QuerySelector("g.edge[data-from='AtRisk'][data-to='Active'] text")!.TextContent);
        Assert.Contains("3 日間チェックインがない", diagram.QuerySelector("g.edge[data-from='Active'][data-to='AtRisk'] title")!.TextContent);
        Assert.DoesNotContain("MarkAtRisk", diagram.TextContent);
        Assert.Equal("At risk", english.QuerySelector("svg[data-lifecycle-diagram] g.state[data-state='AtRisk'] text")!.TextContent);
        Assert.DoesNotContain("stateDiagram", page.Body!.InnerHtml);
        Assert.Null(cs.QuerySelector("table.lifecycle"));
    }

    [Fact]
    public async Task The_editor_marks_each_criterions_fields_for_its_script_and_keeps_typed_names_as_typed()
    {
        var (admin, programId, draftUrl) = await LaunchAsync("editor-fields");
        var form = await GetDocumentAsync(admin, draftUrl);

        var scripts = form.QuerySelectorAll("script").Select(e => e.GetAttribute("src") ?? "(inline)").ToList();
        Assert.True(scripts.Any(src => src.StartsWith("/js/program-editor.", StringComparison.Ordinal)), string.Join(", ", scripts));
        Assert.Empty(form.QuerySelectorAll("script:not([src])"));
        Assert.Equal(["Form.SuccessRule=Abstinence", "Form.SuccessRule=Abstinence", "Form.SuccessRule=Abstinence&Form.CoVerified=true", "Form.SuccessRule=BodyChange",
            "Form.SuccessRule=BodyChange", "Form.SuccessRule=AverageSteps", "Form.SuccessRule=Abstinence"], form.QuerySelectorAll("[data-shown-when]").Select(e => e.GetAttribute("data-shown-when")));

        var saved = await PostAsync(admin, $"{draftUrl}?handler=Save", FormFields(form, new Dictionary<string, string> { ["Form.NameJa"] = "ＡＢＣ健保 禁煙２０２７" }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("ＡＢＣ健保 禁煙２０２７", (await GetDocumentAsync(admin, $"/programs/details/{programId}")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Without_script_every_week_row_shows_and_the_server_reads_only_the_chosen_criterion_and_the_rows_in_use()
    {
        var (admin, programId, draftUrl) = await LaunchAsync("editor-rows");
        var draft = await GetDocumentAsync(admin, draftUrl);

        Assert.Equal(["milestones", "shipments"], draft.QuerySelectorAll("table[data-week-rows]").Select(t => t.GetAttribute("data-week-rows")));
        Assert.All(draft.QuerySelectorAll("table[data-week-rows]"), t => Assert.Equal(ProgramDefinitionForm.ListRows, t.QuerySelectorAll("tbody tr").Length));
        Assert.Equal(["milestones", "shipments"], draft.QuerySelectorAll("button[data-add-row][hidden]").Select(b => b.GetAttribute("data-add-row")));

        // The smoking draft becomes a weight program without kits: its quit-day box, still checked, belongs to abstinence.
        var published = await PostAsync(admin, $"{draftUrl}?handler=Publish", FormFields(draft, new Dictionary<string, string>
        {
            ["Form.SuccessRule"] = "BodyChange",
            ["Form.Shipments[0].Week"] = "", ["Form.Shipments[0].Text"] = "", ["Form.Shipments[0].TextEn"] = "",
            ["Form.Shipments[1].Week"] = "", ["Form.Shipments[1].Text"] = "", ["Form.Shipments[1].TextEn"] = "",
            ["Form.Shipments[2].Week"] = "", ["Form.Shipments[2].Text"] = "", ["Form.Shipments[2].TextEn"] = "",
        }));

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        await using var connection = await factory.Db.OpenAsync();
        var definition = await connection.ExecuteScalarAsync<string>("SELECT Definition FROM ProgramVersions WHERE ProgramId = @programId", new { programId });
        Assert.Contains("\"quitDayAfterFirstKit\":false", definition);
        Assert.Contains("\"shipments\":[]", definition);
        Assert.Contains("\"rule\":\"bodyChange\"", definition);
    }

    [Fact]
    public async Task Only_admins_launch_programs_but_everyone_reads_the_catalogue()
    {
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/programs")).StatusCode);
        var launch = await viewer.GetAsync("/programs/launch");
        Assert.StartsWith("/account/accessdenied", launch.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Launching_from_a_template_makes_a_draft_that_publishes_and_then_is_frozen()
    {
        var (admin, programId, draftUrl) = await LaunchAsync("sleep-8w");
        var draft = await GetDocumentAsync(admin, draftUrl);

        var published = await PostAsync(admin, $"{draftUrl}?handler=Publish", FormFields(draft, new Dictionary<string, string>
        {
            ["Form.DurationWeeks"] = "8",
            ["Form.Milestones[3].Week"] = "6",
            ["Form.Milestones[4].Week"] = "8",
            ["Form.Shipments[2].Week"] = "6",
        }));

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var details = await GetDocumentAsync(admin, $"/programs/details/{programId}");
        Assert.Contains("公開中", details.QuerySelector("tbody")!.TextContent);
        var frozen = await admin.GetAsync(draftUrl);
        Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode);
        await using var connection = await factory.Db.OpenAsync();
        Assert.Contains("\"durationWeeks\":8", await connection.ExecuteScalarAsync<string>(
            "SELECT Definition FROM ProgramVersions WHERE ProgramId = @programId", new { programId }));
    }

    [Fact]
    public async Task Publishing_an_invalid_definition_is_refused_with_the_reasons_but_saving_the_draft_works()
    {
        var (admin, programId, draftUrl) = await LaunchAsync("broken-program");
        var draft = await GetDocumentAsync(admin, draftUrl);
        var broken = new Dictionary<string, string> { ["Form.TeamMin"] = "7", ["Form.DropOutAfterDays"] = "1" };

        var refused = await PostAsync(admin, $"{draftUrl}?handler=Publish", FormFields(draft, broken));
        var saved = await PostAsync(admin, $"{draftUrl}?handler=Save", FormFields(draft, broken));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var problems = (await ReadDocumentAsync(refused)).QuerySelector(".problems")!.TextContent;
        Assert.Contains("チーム人数", problems);
        Assert.Contains("脱落", problems);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reopened = await GetDocumentAsync(admin, draftUrl);
        Assert.Contains("チーム人数", reopened.QuerySelector(".problems")!.TextContent);
        await using var connection = await factory.Db.OpenAsync();
        Assert.Equal("Draft", await connection.ExecuteScalarAsync<string>("SELECT Status FROM ProgramVersions WHERE ProgramId = @programId", new { programId }));
    }

    [Fact]
    public async Task The_late_joiner_cut_off_is_edited_in_the_draft_checked_against_the_duration_and_shown_on_the_program()
    {
        var (admin, programId, draftUrl) = await LaunchAsync("late-joiners");
        var draft = await GetDocumentAsync(admin, draftUrl);

        var tooLate = await PostAsync(admin, $"{draftUrl}?handler=Publish", FormFields(draft, new Dictionary<string, string> { ["Form.LateJoinersUntilWeek"] = "13" }));
        var saved = await PostAsync(admin, $"{draftUrl}?handler=Save", FormFields(draft, new Dictionary<string, string> { ["Form.LateJoinersUntilWeek"] = "2" }));

        Assert.Contains("途中参加の受付は 1〜12 週", (await ReadDocumentAsync(tooLate)).QuerySelector(".problems")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("2", (await GetDocumentAsync(admin, draftUrl)).QuerySelector("input[name='Form.LateJoinersUntilWeek']")!.GetAttribute("value"));
        Assert.Contains("第2週の終わりまで", (await GetDocumentAsync(admin, $"/programs/details/{programId}")).QuerySelector("dl.facts")!.TextContent);
    }

    [Fact]
    public async Task A_new_version_is_compared_side_by_side_with_the_published_one()
    {
        var (admin, programId, draftUrl) = await LaunchAsync("weight-custom", startFrom: "weight-12w");
        await PostAsync(admin, $"{draftUrl}?handler=Publish", FormFields(await GetDocumentAsync(admin, draftUrl)));
        var details = await GetDocumentAsync(admin, $"/programs/details/{programId}");
        var newVersion = await PostAsync(admin, $"/programs/details/{programId}?handler=NewVersion",
            FormFields(details, formSelector: "form[action*='handler=NewVersion']"));
        var v2Url = newVersion.Headers.Location!.OriginalString;
        var v2 = await GetDocumentAsync(admin, v2Url);
        await PostAsync(admin, $"{v2Url}?handler=Publish", FormFields(v2, new Dictionary<string, string> { ["Form.WeightLossKg"] = "3" }));

        var compared = await GetDocumentAsync(admin, $"/programs/details/{programId}");

        var rows = compared.QuerySelectorAll("table.diff tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("成功基準 › 体重減少（kg）") && r.Contains('2') && r.Contains('3'));
        Assert.DoesNotContain(rows, r => r.Contains("weightLossKg"));
        Assert.Contains("終了", compared.QuerySelectorAll("tbody")[0].TextContent);
    }

    [Fact]
    public async Task A_program_code_can_be_used_once()
    {
        await LaunchAsync("unique-code");
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var form = await GetDocumentAsync(admin, "/programs/launch");

        var again = await PostAsync(admin, "/programs/launch", FormFields(form, new Dictionary<string, string>
        {
            ["Input.StartFrom"] = "smoking-12w", ["Input.Code"] = "unique-code", ["Input.NameJa"] = "重複", ["Input.NameEn"] = "Duplicate",
        }));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("コード「unique-code」は他のプログラムで使われています。", (await ReadDocumentAsync(again)).QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent);
    }
}
