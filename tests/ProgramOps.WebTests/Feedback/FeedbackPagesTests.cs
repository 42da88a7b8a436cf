using System.Net;
using System.Text;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Feedback.FeedbackPages;

namespace ProgramOps.WebTests.Feedback;

public sealed class FeedbackPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<(string, string)> PairAsync(string sql, object parameters)
    {
        await using var c = await factory.Db.OpenAsync();
        return await c.QuerySingleAsync<(string, string)>(sql, parameters);
    }

    private async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var c = await factory.Db.OpenAsync();
        return (await c.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    [Fact]
    public async Task A_reported_item_is_routed_and_its_page_explains_why()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var response = await ReportAsync(cs, Item("ﾆｺﾁﾝｶﾞﾑが禁煙開始日より後に届いた【配送テスト】", "4月期の参加者3名に開始日の後でガムが届いた。",
            category: "Supplies", programSpecific: "Yes"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = ItemId(response);
        var page = await GetDocumentAsync(cs, $"/feedback/details/{id}");
        Assert.Equal("プログラム", page.QuerySelector("[data-testid=destination]")!.TextContent);
        var explanation = page.QuerySelector("[data-testid=explanation]")!.TextContent;
        Assert.Contains("プログラムの成果・運営に固有", explanation);
        Assert.Contains("キーワード「ニコチン」", explanation);
        Assert.Contains("決め手", explanation);
        Assert.Contains("プログラムの成果・運用に固有ですか？ はい", explanation);
        Assert.NotNull(page.QuerySelector("[data-testid=learned] .badge"));
        var learned = page.QuerySelector("[data-testid=learned]")!.TextContent;
        Assert.DoesNotContain("category:", learned);
        Assert.DoesNotContain("ProgramSpecific", learned);
        Assert.Contains("キーワード「", learned);

        Assert.Equal("Routed", await ScalarAsync<string>("SELECT Status FROM FeedbackItems WHERE Id = @id", new { id }));
        Assert.True(await ScalarAsync<int>("SELECT COUNT(*) FROM RoutingDecisionRules dr JOIN RoutingDecisions d ON d.Id = dr.DecisionId WHERE d.FeedbackItemId = @id", new { id }) >= 2);
        Assert.Equal(1, await ScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'FeedbackItem' AND EntityId = @id AND Action = 'Reported'", new { id = id.ToString() }));
    }

    [Fact]
    public async Task The_form_names_programs_and_each_cohort_carries_its_program_and_single_client_for_the_script_to_fill()
    {
        var (cohortId, contractId) = await TestData.CohortOfNewClientAsync(factory.Db, "fbform", "Running", DateOnly.FromDateTime(DateTime.Today).AddDays(-7));
        var (programId, clientId) = await PairAsync(
            "SELECT CAST(v.ProgramId AS TEXT), CAST(ct.ClientId AS TEXT) FROM Cohorts c JOIN ProgramVersions v ON v.Id = c.ProgramVersionId JOIN Contracts ct ON ct.Id = @contractId WHERE c.Id = @cohortId",
            new { cohortId, contractId });
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var form = await GetDocumentAsync(cs, "/feedback/create");
        var list = await GetDocumentAsync(cs, "/feedback?culture=en&ui-culture=en");

        var cohort = form.QuerySelector($"select[name='Input.CohortId'] option[value='{cohortId}']")!;
        Assert.Equal((programId, clientId), (cohort.GetAttribute("data-program"), cohort.GetAttribute("data-client")));
        Assert.Equal("禁煙プログラム（3か月）", form.QuerySelector($"select[name='Input.ProgramId'] option[value='{programId}']")!.TextContent);
        Assert.Equal("Smoking cessation (3 months)", list.QuerySelector($"select[name='program'] option[value='{programId}']")!.TextContent);
        Assert.Contains(form.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/feedback-form.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Posting_the_same_intake_form_twice_creates_one_item()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var fields = FormFields(await GetDocumentAsync(cs, "/feedback/create"), Item("二重送信の確認用の項目 zq", "送信ボタンを二度押した"));

        var first = await PostAsync(cs, "/feedback/create?handler=Create", fields);
        var second = await PostAsync(cs, "/feedback/create?handler=Create", fields);

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await ScalarAsync<int>("SELECT COUNT(*) FROM FeedbackItems WHERE Title = '二重送信の確認用の項目 zq'"));
    }

    [Fact]
    public async Task Weak_evidence_goes_to_needs_triage_as_a_new_item()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var id = await ReportNewAsync(cs, Item("よくわからない相談 xk", "判断材料の少ない相談"));

        Assert.Equal(("NeedsTriage", "New"), await PairAsync("SELECT Destination, Status FROM FeedbackItems WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task A_similar_report_is_offered_side_by_side_and_merging_keeps_both_reports()
    {
        var (cs, csName) = await factory.SignedInUserAsync(Roles.ProgramCS);
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var original = await ReportNewAsync(cs, Item("チェックインのリマインダーが深夜0時に届く【統合テスト】", "毎日のチェックイン通知が夜中の0時に鳴る。", category: "Notifications"));

        var similar = Item("ﾁｪｯｸｲﾝのﾘﾏｲﾝﾀﾞｰが深夜0時に届く【統合テスト】", "チェックイン通知が夜中の0時に鳴るとの問い合わせ。", category: "Notifications", source: "SupportInquiry");
        var offered = await ReportAsync(bizDev, similar);

        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        var page = await ReadDocumentAsync(offered);
        var mergeButton = page.QuerySelector($"button[name=mergeInto][value='{original}']");
        Assert.NotNull(mergeButton);
        Assert.Contains("ﾁｪｯｸｲﾝ".Normalize(NormalizationForm.FormKC), page.QuerySelector(".side-by-side")!.TextContent);

        var merged = await PostAsync(bizDev, "/feedback/create?handler=Merge", FormFields(page, new Dictionary<string, string> { ["mergeInto"] = original.ToString() }));

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal(original, ItemId(merged));
        var details = await GetDocumentAsync(bizDev, $"/feedback/details/{original}");
        Assert.Equal("2", details.QuerySelector("[data-testid=reports-count]")!.TextContent);
        Assert.Equal(6, await ScalarAsync<int>("SELECT AffectedCount FROM FeedbackItems WHERE Id = @original", new { original }));
        Assert.Equal(["CsObservation", "SupportInquiry"], (await QueryAsync<string>("SELECT Source FROM FeedbackReports WHERE FeedbackItemId = @original ORDER BY Id", new { original })));
        Assert.Equal(0, await ScalarAsync<int>("SELECT COUNT(*) FROM FeedbackItems WHERE Title LIKE 'ﾁｪｯｸｲﾝ%' OR Title LIKE 'チェックインのリマインダーが深夜0時に届く【統合テスト】' AND Id <> @original", new { original }));
        Assert.NotEqual(csName, await ScalarAsync<string>("SELECT ReportedBy FROM FeedbackReports WHERE FeedbackItemId = @original ORDER BY Id DESC LIMIT 1", new { original }));
    }

    [Fact]
    public async Task An_override_needs_a_reason_is_audited_and_teaches_the_learned_model()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var id = await ReportNewAsync(cs, Item("最終アンケートのリマインダーが1回だけ【上書きテスト】", "12週目のアンケートのリマインダーが一度しか送られない。",
            category: "Notifications", helpsEveryUser: "Yes"));
        Assert.Equal("BaseProduct", await ScalarAsync<string>("SELECT Destination FROM FeedbackItems WHERE Id = @id", new { id }));
        var page = await GetDocumentAsync(cs, $"/feedback/details/{id}");
        var formSelector = "form[action*='handler=Override']";

        var refused = await PostAsync(cs, $"/feedback/details/{id}?handler=Override",
            FormFields(page, new Dictionary<string, string> { ["Override.Destination"] = "ProgramLayer", ["Override.Reason"] = " " }, formSelector));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var reasonMessage = (await ReadDocumentAsync(refused)).QuerySelector("[data-valmsg-for='Override.Reason']")!.TextContent;
        Assert.StartsWith("理由（監査ログに残ります）: ", reasonMessage);
        Assert.Contains("理由を入力してください", reasonMessage);

        var routing = factory.Services.GetRequiredService<FeedbackRouting>();
        var learnedBefore = (await routing.CurrentAsync(CancellationToken.None)).Examples.Count;
        var overridden = await PostAsync(cs, $"/feedback/details/{id}?handler=Override",
            FormFields(page, new Dictionary<string, string> { ["Override.Destination"] = "ProgramLayer", ["Override.Reason"] = "最終判定の運用はプログラム側で変えられる" }, formSelector));

        Assert.Equal(HttpStatusCode.Redirect, overridden.StatusCode);
        Assert.Equal(("ProgramLayer", "Routed"), await PairAsync("SELECT Destination, Status FROM FeedbackItems WHERE Id = @id", new { id }));
        Assert.Equal("最終判定の運用はプログラム側で変えられる", await ScalarAsync<string>(
            "SELECT Summary FROM AuditLog WHERE EntityType = 'FeedbackItem' AND EntityId = @id AND Action = 'Overridden'", new { id = id.ToString() }));
        Assert.Equal(learnedBefore + 1, (await routing.CurrentAsync(CancellationToken.None)).Examples.Count);
        Assert.Contains("最終判定の運用はプログラム側で変えられる", (await GetDocumentAsync(cs, $"/feedback/details/{id}")).Body!.TextContent);
    }

    [Fact]
    public async Task A_stale_override_is_refused_and_names_who_changed_the_item()
    {
        var (cs, csName) = await factory.SignedInUserAsync(Roles.ProgramCS);
        var other = await factory.SignedInClientAsync(Roles.BizDev);
        var id = await ReportNewAsync(cs, Item("契約の席数を追加したい【競合テスト】", "人事から追加の依頼", category: "Contract", source: "Client", clientAsked: "Yes"));
        var stale = await GetDocumentAsync(other, $"/feedback/details/{id}");
        var fresh = await GetDocumentAsync(cs, $"/feedback/details/{id}");
        await PostAsync(cs, $"/feedback/details/{id}?handler=Status", FormFields(fresh, new Dictionary<string, string> { ["status"] = "Accepted" }, "form[action*='handler=Status']"));

        var lost = await PostAsync(other, $"/feedback/details/{id}?handler=Override",
            FormFields(stale, new Dictionary<string, string> { ["Override.Destination"] = "BaseProduct", ["Override.Reason"] = "遅れた変更" }, "form[action*='handler=Override']"));

        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        Assert.Contains(csName, (await ReadDocumentAsync(lost)).QuerySelector(".conflict")!.TextContent);
        Assert.Equal("ClientAccount", await ScalarAsync<string>("SELECT Destination FROM FeedbackItems WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task Viewers_report_but_cannot_override_or_move_items()
    {
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        var id = await ReportNewAsync(viewer, Item("閲覧者からの報告【権限テスト】", "閲覧者も報告できる"));
        var page = await GetDocumentAsync(viewer, $"/feedback/details/{id}");

        Assert.Null(page.QuerySelector("form[action*='handler=Override']"));
        var token = ProgramOpsFactory.AntiforgeryToken(page.DocumentElement.OuterHtml);
        var response = await PostAsync(viewer, $"/feedback/details/{id}?handler=Override", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["version"] = "1", ["Override.Destination"] = "BaseProduct", ["Override.Reason"] = "x",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/accessdenied", response.Headers.Location!.OriginalString);
        Assert.Equal("NeedsTriage", await ScalarAsync<string>("SELECT Destination FROM FeedbackItems WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task The_queue_lists_the_item_and_exports_it_as_CSV_and_JSON_with_its_stable_URL()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var id = await ReportNewAsync(cs, Item("健保から月次レポートを独自書式で【キューテスト】", "組合の様式で提出してほしい", category: "Reporting", source: "Client", clientAsked: "Yes"));

        var queue = await GetDocumentAsync(cs, "/feedback?destination=ClientAccount&q=キューテスト");
        Assert.Single(queue.QuerySelectorAll("[data-testid=queue] tbody tr"));
        Assert.NotNull(queue.QuerySelector($"a[href='/feedback/details/{id}']"));
        Assert.Empty((await GetDocumentAsync(cs, "/feedback?destination=BaseProduct&q=キューテスト")).QuerySelectorAll("[data-testid=queue] tbody tr"));

        var csv = await cs.GetAsync("/feedback?handler=Export&format=csv&destination=ClientAccount&q=キューテスト");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFId,Url,Title", csvText);
        Assert.Contains($"/feedback/details/{id}", csvText);
        Assert.Contains("健保から月次レポートを独自書式で【キューテスト】", csvText);

        var json = await cs.GetStringAsync("/feedback?handler=Export&format=json&destination=ClientAccount&q=キューテスト");
        var rows = System.Text.Json.JsonDocument.Parse(json).RootElement;
        Assert.Equal(1, rows.GetArrayLength());
        Assert.Equal(id, rows[0].GetProperty("id").GetInt32());
        Assert.Equal("ClientAccount", rows[0].GetProperty("destination").GetString());
    }

    [Fact]
    public async Task A_title_that_starts_like_a_formula_is_exported_as_text()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        await ReportNewAsync(cs, Item("=cmd|' /C calc'!A0【数式テスト】", "-1+1 で計算される", source: "Client", clientAsked: "Yes"));

        var csv = Encoding.UTF8.GetString(await (await cs.GetAsync("/feedback?handler=Export&format=csv&destination=ClientAccount&q=数式テスト")).Content.ReadAsByteArrayAsync());

        Assert.Contains(",\"'=cmd|' /C calc'!A0【数式テスト】\",\"'-1+1 で計算される\",", csv);
    }

    [Fact]
    public async Task The_reporter_sees_status_changes_on_the_home_page()
    {
        var reporter = await factory.SignedInClientAsync(Roles.ProgramCS);
        var owner = await factory.SignedInClientAsync(Roles.Admin);
        var id = await ReportNewAsync(reporter, Item("アプリの起動が遅い【ホームテスト】", "起動に10秒以上かかる", category: "Defect", helpsEveryUser: "Yes"));
        var page = await GetDocumentAsync(owner, $"/feedback/details/{id}");

        var accepted = await PostAsync(owner, $"/feedback/details/{id}?handler=Status",
            FormFields(page, new Dictionary<string, string> { ["status"] = "Accepted" }, "form[action*='handler=Status']"));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var home = await GetDocumentAsync(reporter, "/");
        var mine = home.QuerySelector("[data-testid=my-reported]")!.TextContent;
        Assert.Contains("アプリの起動が遅い【ホームテスト】", mine);
        Assert.Contains("振り分け済み → 受付済み", mine);
        Assert.DoesNotContain("アプリの起動が遅い【ホームテスト】", (await GetDocumentAsync(owner, "/")).QuerySelector("[data-testid=my-reported]")!.TextContent);
    }

    [Fact]
    public async Task A_status_the_workflow_does_not_allow_is_refused()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var id = await ReportNewAsync(cs, Item("ワークフローの確認【状態テスト】", "完了にはまだできない", category: "Defect", helpsEveryUser: "Yes"));
        var page = await GetDocumentAsync(cs, $"/feedback/details/{id}");

        var response = await PostAsync(cs, $"/feedback/details/{id}?handler=Status",
            FormFields(page, new Dictionary<string, string> { ["status"] = "Done" }, "form[action*='handler=Status']"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("「振り分け済み」から「完了」には変更できません。", (await ReadDocumentAsync(response)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Routed", await ScalarAsync<string>("SELECT Status FROM FeedbackItems WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task The_dashboard_counts_items_by_destination_and_status()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        await ReportNewAsync(cs, Item("ダッシュボード用の項目【集計テスト】", "集計される", category: "Defect", helpsEveryUser: "Yes"));

        var page = await GetDocumentAsync(cs, "/feedback/dashboard");

        var baseProductRow = page.QuerySelectorAll("[data-testid=by-status] tbody tr").First(r => r.TextContent.Contains("プロダクト"));
        Assert.True(int.Parse(baseProductRow.QuerySelectorAll("td")[1].TextContent) >= 1);
        Assert.Contains("不具合", page.QuerySelector("[data-testid=top-categories]")!.TextContent);
        Assert.Contains("振り分けまでの時間", page.QuerySelector("[data-testid=dashboard-figures]")!.TextContent);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, object parameters)
    {
        await using var c = await factory.Db.OpenAsync();
        return (await c.QueryAsync<T>(sql, parameters)).ToList();
    }
}
