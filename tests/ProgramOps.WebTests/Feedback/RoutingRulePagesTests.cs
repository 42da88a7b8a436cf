using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Feedback.FeedbackPages;

namespace ProgramOps.WebTests.Feedback;

public sealed class RoutingRulePagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private const string NewRule = "/admin/routing/edit";

    /// <summary>The editor's fields as a browser posts them: a multiple select with nothing chosen sends nothing.</summary>
    private static Dictionary<string, string> RuleFields(AngleSharp.Html.Dom.IHtmlDocument form, Dictionary<string, string> overrides)
    {
        var fields = FormFields(form, overrides);
        foreach (var list in new[] { "Input.Sources", "Input.Categories", "Input.Stages" })
            if (fields.GetValueOrDefault(list) == "") fields.Remove(list);
        return fields;
    }

    [Fact]
    public async Task The_default_rules_are_listed_with_accuracy_against_the_baseline()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);

        var page = await GetDocumentAsync(admin, "/admin/routing");

        Assert.True(page.QuerySelectorAll("[data-testid=rules] tbody tr").Length >= 11);
        Assert.Contains("クライアントからの依頼", page.QuerySelector("[data-testid=rules]")!.TextContent);
        Assert.DoesNotContain("A client asked for it", page.QuerySelector("[data-testid=rules]")!.TextContent);
        var accuracy = page.QuerySelector("[data-testid=accuracy]")!.TextContent;
        Assert.Contains("学習モデル（未学習データで評価）", accuracy);
        Assert.Contains("常に最多の振り分け先を選んだ場合", accuracy);
    }

    [Fact]
    public async Task Bad_rules_get_clear_messages_on_their_fields_and_nothing_is_saved()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var form = await GetDocumentAsync(admin, NewRule);
        var rulesBefore = await CountRulesAsync();

        var response = await PostAsync(admin, NewRule, RuleFields(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Weight"] = "25", ["Input.Destination"] = "NeedsTriage", ["Input.Keywords"] = "が\nガム\nｶﾞﾑ", ["Input.Programs"] = "sleep-8w",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ReadDocumentAsync(response);
        string Message(string field) => page.QuerySelector($"[data-valmsg-for='Input.{field}']")!.TextContent;
        Assert.Equal("ルール名（英語）: ルール名を入力してください。", Message("Name"));
        Assert.Equal("ルール名（日本語）: ルール名を入力してください。", Message("NameJa"));
        Assert.Equal("重みは0.1から10の間にしてください。", Message("Weight"));
        Assert.StartsWith("プロダクト・プログラム・クライアントのいずれか", Message("Destination"));
        Assert.Contains("キーワード「が」は2文字未満", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("同じキーワードが重複しています", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("プログラムコード「sleep-8w」のプログラムはありません。", Message("Programs"));
        Assert.Equal(rulesBefore, await CountRulesAsync());
    }

    private async Task<int> CountRulesAsync()
    {
        await using var c = await factory.Db.OpenAsync();
        return await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM RoutingRules");
    }

    [Fact]
    public async Task A_rule_without_conditions_is_refused()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);

        var response = await PostAsync(admin, NewRule, RuleFields(await GetDocumentAsync(admin, NewRule), new Dictionary<string, string> { ["Input.Name"] = "Empty", ["Input.NameJa"] = "空のルール" }));

        Assert.Contains("条件を1つ以上設定してください", (await ReadDocumentAsync(response)).QuerySelector("[data-valmsg-for='Input.When']")!.TextContent);
    }

    [Fact]
    public async Task A_new_rule_routes_the_next_item_and_is_audited()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var saved = await PostAsync(admin, NewRule, RuleFields(await GetDocumentAsync(admin, NewRule), new Dictionary<string, string>
        {
            ["Input.Name"] = "Sleep topics go to the program", ["Input.NameJa"] = "睡眠の話題はプログラムへ", ["Input.Destination"] = "ProgramLayer", ["Input.Weight"] = "5", ["Input.Keywords"] = "すいみんにっき", ["Input.Position"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var id = await ReportNewAsync(admin, Item("スイミンニッキが書きにくい", "睡眠の記録"));

        await using var c = await factory.Db.OpenAsync();
        Assert.Equal("ProgramLayer", await c.ExecuteScalarAsync<string>("SELECT Destination FROM FeedbackItems WHERE Id = @id", new { id }));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'RoutingRule' AND Action = 'Created' AND Summary LIKE '%睡眠の話題はプログラムへ%'"));
    }

    [Fact]
    public async Task A_rule_reads_in_each_language_and_its_program_condition_by_the_programs_name()
    {
        var (cohortId, _) = await TestData.CohortOfNewClientAsync(factory.Db, "rulenames", "Running", DateOnly.FromDateTime(DateTime.Today).AddDays(-7));
        await using var c = await factory.Db.OpenAsync();
        var (programId, code) = await c.QuerySingleAsync<(int, string)>(
            "SELECT p.Id, p.Code FROM Cohorts co JOIN ProgramVersions v ON v.Id = co.ProgramVersionId JOIN Programs p ON p.Id = v.ProgramId WHERE co.Id = @cohortId", new { cohortId });
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var saved = await PostAsync(admin, NewRule, RuleFields(await GetDocumentAsync(admin, NewRule), new Dictionary<string, string>
        {
            ["Input.Name"] = "Smoking program items", ["Input.NameJa"] = "禁煙プログラムの項目", ["Input.Destination"] = "ProgramLayer", ["Input.Weight"] = "9",
            ["Input.Programs"] = code, ["Input.Position"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await ReportNewAsync(admin, new Dictionary<string, string>(Item("記録画面の文字が小さい", "読みにくい")) { ["Input.ProgramId"] = $"{programId}" });

        var japanese = (await GetDocumentAsync(admin, $"/feedback/details/{id}")).QuerySelector("[data-testid=explanation]")!.TextContent;
        var english = (await GetDocumentAsync(admin, $"/feedback/details/{id}?culture=en&ui-culture=en")).QuerySelector("[data-testid=explanation]")!.TextContent;
        var rules = (await GetDocumentAsync(admin, "/admin/routing?culture=en&ui-culture=en")).QuerySelector("[data-testid=rules]")!.TextContent;

        Assert.Contains("禁煙プログラムの項目", japanese);
        Assert.Contains("禁煙プログラム（3か月）", japanese);
        Assert.DoesNotContain(code, japanese);
        Assert.Contains("Smoking program items", english);
        Assert.Contains("Smoking cessation (3 months)", english);
        Assert.DoesNotContain("禁煙プログラムの項目", english);
        Assert.Contains("A client asked for it", rules);
        Assert.Contains("Smoking program items", rules);
    }

    [Fact]
    public async Task Editing_a_rule_with_a_stale_version_is_refused()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var other = await factory.SignedInClientAsync(Roles.Admin);
        var stale = await GetDocumentAsync(other, "/admin/routing/edit/2");
        await PostAsync(admin, "/admin/routing/edit/2", RuleFields(await GetDocumentAsync(admin, "/admin/routing/edit/2"), new Dictionary<string, string> { ["Input.Weight"] = "2.5" }));

        var lost = await PostAsync(other, "/admin/routing/edit/2", RuleFields(stale, new Dictionary<string, string> { ["Input.Weight"] = "9" }));

        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        Assert.NotNull((await ReadDocumentAsync(lost)).QuerySelector(".conflict"));
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(2.5, await c.ExecuteScalarAsync<double>("SELECT Weight FROM RoutingRules WHERE Id = 2"));
    }

    [Fact]
    public async Task Only_admins_edit_rules()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var response = await cs.GetAsync(NewRule);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/accessdenied", response.Headers.Location!.OriginalString);
    }
}
