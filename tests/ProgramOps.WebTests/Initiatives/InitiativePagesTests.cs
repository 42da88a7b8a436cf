using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.WebTests.Feedback;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Initiatives;

/// <summary>Initiatives answering an issue on OutcomeTestCohort's program (a program of its own per test).</summary>
public sealed class InitiativePagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private sealed record Place(HttpClient Cs, int IssueId, int CohortId, int VersionId, int ProgramId);

    /// <summary>A completed cohort of the test's own program, with <paramref name="teams"/> teams, and an issue on its program.</summary>
    private async Task<Place> IssueAsync(string tag, int teams = 0)
    {
        var cohort = await OutcomeTestCohort.CreateAsync(factory.Db, tag, new DateOnly(2026, 6, 1));
        await using var c = await factory.Db.OpenAsync();
        for (var number = 1; number <= teams; number++)
            await c.ExecuteAsync("INSERT INTO Teams (CohortId, Number, FormedAt) VALUES (@CohortId, @number, @now)", new { cohort.CohortId, number, now = DateTimeOffset.UtcNow });
        var (programId, versionId) = await c.QuerySingleAsync<(int, int)>("SELECT ProgramId, ProgramVersionId FROM ReportingCohorts WHERE Id = @CohortId", new { cohort.CohortId });
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var created = await PostAsync(cs, "/issues/new", FormFields(await GetDocumentAsync(cs, "/issues/new"),
            new Dictionary<string, string> { ["Input.ProgramId"] = programId.ToString(), ["Input.Stage"] = "Weeks5To12", ["Input.Statement"] = $"{tag}：5週目以降に続ける目標が見えない" }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return new Place(cs, int.Parse(created.Headers.Location!.OriginalString.Split('/').Last()), cohort.CohortId, versionId, programId);
    }

    private static Dictionary<string, string> Plan(string title) => new()
    {
        ["Input.Title"] = title, ["Input.Hypothesis"] = "5週目に次の目標を示せば、続ける人が増える", ["Input.ChangeKind"] = "Content",
        ["Input.ChangeDescription"] = "5週目の冒頭に後半の目標を示すメッセージを追加する", ["Input.StartDate"] = "2026-07-01",
    };

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient cs, int issueId, Dictionary<string, string> fields)
    {
        var url = $"/initiatives/new?issueId={issueId}";
        return await PostAsync(cs, url, FormFields(await GetDocumentAsync(cs, url), fields));
    }

    /// <summary>An initiative on the place's program version, measured against the 8 weeks before its start.</summary>
    private static async Task<int> OnVersionAsync(Place place, string title) => IdOf(await CreateAsync(place.Cs, place.IssueId, new Dictionary<string, string>(Plan(title))
    {
        ["Input.MetricKind"] = "StepConversion", ["Input.MetricStage"] = "Weeks5To12", ["Input.BaselineKind"] = "BeforeStart", ["Input.BaselineWeeks"] = "8",
        ["Input.VersionIds"] = place.VersionId.ToString(),
    }));

    private static int IdOf(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task An_initiative_started_from_an_issue_shows_its_plan_metric_baseline_and_scope_the_list_filters_by_issue_and_state_and_the_program_lists_it_under_its_version()
    {
        var place = await IssueAsync("施策作成");
        var issuePage = await GetDocumentAsync(place.Cs, $"/issues/{place.IssueId}");
        Assert.NotNull(issuePage.QuerySelector($"[data-testid=issue-initiatives] a[href='/initiatives/new?issueId={place.IssueId}']"));

        var id = IdOf(await CreateAsync(place.Cs, place.IssueId, new Dictionary<string, string>(Plan("5週目の目標メッセージ"))
        {
            ["Input.MetricKind"] = "StepConversion", ["Input.MetricStage"] = "Weeks5To12", ["Input.BaselineKind"] = "BeforeStart",
            ["Input.BaselineWeeks"] = "8", ["Input.VersionIds"] = place.VersionId.ToString(),
        }));

        var page = await GetDocumentAsync(place.Cs, $"/initiatives/{id}");
        Assert.Equal("5週目の目標メッセージ", page.QuerySelector("h1[data-testid=initiative-title]")!.TextContent.Trim());
        Assert.Equal("2〜4週目から5〜12週目への移行率", page.QuerySelector("[data-testid=initiative-metric]")!.TextContent.Trim());
        Assert.Contains("開始前8週間", page.QuerySelector("[data-testid=initiative-baseline]")!.TextContent);
        Assert.Equal("バージョン1", page.QuerySelector("[data-testid=initiative-scope]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=initiative-arms]"));
        Assert.DoesNotContain("StepConversion", page.Body!.TextContent);

        var list = await GetDocumentAsync(place.Cs, $"/initiatives?issueId={place.IssueId}&state=Active");
        Assert.Equal([id.ToString()], list.QuerySelectorAll("[data-testid=initiatives] tbody tr").Select(r => r.GetAttribute("data-initiative")!));
        Assert.Empty((await GetDocumentAsync(place.Cs, $"/initiatives?issueId={place.IssueId}&state=Ended")).QuerySelectorAll("[data-testid=initiatives] tbody tr"));
        var teamExperiment = IdOf(await CreateAsync(place.Cs, place.IssueId, new Dictionary<string, string>(Plan("コホートの施策"))
        {
            ["Input.MetricKind"] = "CheckInRate", ["Input.MetricFromWeek"] = "1", ["Input.MetricToWeek"] = "12", ["Input.BaselineKind"] = "ControlTeams",
            ["Input.CohortIds"] = place.CohortId.ToString(),
        }));
        var program = await GetDocumentAsync(place.Cs, $"/programs/details/{place.ProgramId}");
        Assert.Equal([id.ToString(), teamExperiment.ToString()], program.QuerySelectorAll("[data-testid=version-initiatives] a").Select(a => a.GetAttribute("data-initiative")!));
        Assert.Contains("実施中", program.QuerySelector("[data-testid=version-initiatives]")!.TextContent);

        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(0.5, await c.ExecuteScalarAsync<double>("SELECT DecayShare FROM Initiatives WHERE Id = @id", new { id }));
        Assert.Null(await c.ExecuteScalarAsync<int?>("SELECT ArmSeed FROM Initiatives WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task A_team_experiment_on_a_cohort_with_teams_splits_them_at_once_by_its_stored_seed_and_shows_only_team_counts()
    {
        var place = await IssueAsync("施策チーム", teams: 5);
        var fields = new Dictionary<string, string>(Plan("チーム単位の目標共有"))
        {
            ["Input.MetricKind"] = "CheckInRate", ["Input.MetricFromWeek"] = "5", ["Input.MetricToWeek"] = "12", ["Input.BaselineKind"] = "ControlTeams",
            ["Input.CohortIds"] = place.CohortId.ToString(),
        };
        var id = IdOf(await CreateAsync(place.Cs, place.IssueId, fields));

        var page = await GetDocumentAsync(place.Cs, $"/initiatives/{id}");
        Assert.Equal("3", page.QuerySelector("[data-testid=initiative-arms] tr[data-arm=Treatment] td.num")!.TextContent);
        Assert.Equal("2", page.QuerySelector("[data-testid=initiative-arms] tr[data-arm=Control] td.num")!.TextContent);
        Assert.Equal("チェックイン率（5〜12週目）", page.QuerySelector("[data-testid=initiative-metric]")!.TextContent.Trim());
        await using var c = await factory.Db.OpenAsync();
        var seed = await c.ExecuteScalarAsync<int>("SELECT ArmSeed FROM Initiatives WHERE Id = @id", new { id });
        var teams = (await c.QueryAsync<long>("SELECT Id FROM Teams WHERE CohortId = @CohortId", new { place.CohortId })).ToList();
        var (treatment, _) = ProgramOps.Web.Features.Initiatives.ExperimentArms.Assign(teams, seed);
        Assert.Equal(treatment, await c.QueryAsync<long>("SELECT TeamId FROM InitiativeTeams WHERE InitiativeId = @id AND Arm = 'Treatment' ORDER BY TeamId", new { id }));
        Assert.Equal(["InitiativeCreated", "InitiativeArmsAssigned"], await c.QueryAsync<string>(
            "SELECT Action FROM AuditLog WHERE EntityType = 'Initiative' AND EntityId = @id ORDER BY Id", new { id = id.ToString() }));

        var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        var seen = await GetDocumentAsync(viewer, $"/initiatives/{id}");
        Assert.NotNull(seen.QuerySelector("[data-testid=initiative-arms]"));
        Assert.Null(seen.QuerySelector($"a[href='/initiatives/{id}/edit']"));
    }

    [Fact]
    public async Task A_team_experiment_whose_cohort_has_no_teams_waits_for_them_and_a_repeated_form_starts_one_initiative()
    {
        var place = await IssueAsync("施策チーム待ち");
        var url = $"/initiatives/new?issueId={place.IssueId}";
        var form = FormFields(await GetDocumentAsync(place.Cs, url), new Dictionary<string, string>(Plan("チーム待ち"))
        {
            ["Input.MetricKind"] = "CheckInRate", ["Input.MetricFromWeek"] = "2", ["Input.MetricToWeek"] = "12", ["Input.BaselineKind"] = "ControlTeams",
            ["Input.CohortIds"] = place.CohortId.ToString(),
        });
        var id = IdOf(await PostAsync(place.Cs, url, form));
        Assert.Equal(id, IdOf(await PostAsync(place.Cs, url, form)));

        Assert.NotNull((await GetDocumentAsync(place.Cs, $"/initiatives/{id}")).QuerySelector("[data-testid=initiative-arms-pending]"));
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Initiatives WHERE IssueId = @IssueId", new { place.IssueId }));
        Assert.NotNull(await c.ExecuteScalarAsync<int?>("SELECT ArmSeed FROM Initiatives WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task A_scope_of_both_versions_and_cohorts_or_a_control_group_over_two_cohorts_is_refused_by_field_and_nothing_is_written()
    {
        var place = await IssueAsync("施策検証");
        var other = await OutcomeTestCohort.CreateAsync(factory.Db, "施策検証別", new DateOnly(2026, 6, 1));

        var both = await CreateAsync(place.Cs, place.IssueId, new Dictionary<string, string>(Plan("両方"))
        {
            ["Input.MetricKind"] = "StepConversion", ["Input.MetricStage"] = "Weeks5To12", ["Input.BaselineKind"] = "BeforeStart", ["Input.BaselineWeeks"] = "8",
            ["Input.VersionIds"] = place.VersionId.ToString(), ["Input.CohortIds"] = place.CohortId.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
        Assert.Contains("範囲：課題のプログラムのバージョンかコホートのどちらか一方を選んでください。", (await ReadDocumentAsync(both)).QuerySelector(".error-summary")!.TextContent);

        var twoCohorts = await CreateAsync(place.Cs, place.IssueId, new Dictionary<string, string>(Plan("二つ"))
        {
            ["Input.MetricKind"] = "CheckInRate", ["Input.MetricFromWeek"] = "9", ["Input.MetricToWeek"] = "5", ["Input.BaselineKind"] = "ControlTeams",
            ["Input.CohortIds[0]"] = place.CohortId.ToString(), ["Input.CohortIds[1]"] = other.CohortId.ToString(), ["Input.Title"] = " ",
        });
        var errors = (await ReadDocumentAsync(twoCohorts)).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("施策名：施策名を入力してください。", errors);
        Assert.Contains("プログラム週：終了週は開始週より前にできません。", errors);
        Assert.Contains("範囲：チームの対照群にはコホートをちょうど1つ選んでください。", errors);
        Assert.Contains("範囲：課題のプログラムのバージョンかコホートのどちらか一方を選んでください。", errors);
        var stepWithTeams = await CreateAsync(place.Cs, place.IssueId, new Dictionary<string, string>(Plan("ステップ"))
        {
            ["Input.MetricKind"] = "StepConversion", ["Input.MetricStage"] = "Weeks5To12", ["Input.BaselineKind"] = "ControlTeams", ["Input.CohortIds"] = place.CohortId.ToString(),
        });
        Assert.Contains("目標指標：チームの対照群はチェックイン率で見守ります", (await ReadDocumentAsync(stepWithTeams)).QuerySelector(".error-summary")!.TextContent);

        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Initiatives WHERE IssueId = @IssueId", new { place.IssueId }));
    }

    [Fact]
    public async Task An_edit_changes_the_plan_audited_field_by_field_and_a_stale_form_is_told_who_saved_first()
    {
        var place = await IssueAsync("施策編集");
        var id = await OnVersionAsync(place, "編集前");
        var stale = await GetDocumentAsync(place.Cs, $"/initiatives/{id}/edit");

        var saved = await PostAsync(place.Cs, $"/initiatives/{id}/edit", FormFields(stale, new Dictionary<string, string> { ["Input.Title"] = "編集後", ["Input.DecayPercent"] = "40", ["Input.State"] = "Ended" }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var conflict = await PostAsync(place.Cs, $"/initiatives/{id}/edit", FormFields(stale, new Dictionary<string, string> { ["Input.Title"] = "別の人" }));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.NotNull((await ReadDocumentAsync(conflict)).QuerySelector(".conflict"));
        var refused = await PostAsync(place.Cs, $"/initiatives/{id}/edit", FormFields(await GetDocumentAsync(place.Cs, $"/initiatives/{id}/edit"), new Dictionary<string, string> { ["Input.DecayPercent"] = "100" }));
        Assert.Contains("効果の枯れの目安（％）：1から99の整数を入力してください。", (await ReadDocumentAsync(refused)).QuerySelector(".error-summary")!.TextContent);

        await using var c = await factory.Db.OpenAsync();
        var stored = await c.QuerySingleAsync<(string Title, double DecayShare, string State, string MetricStage)>(
            "SELECT Title, DecayShare, State, MetricStage FROM Initiatives WHERE Id = @id", new { id });
        Assert.Equal(("編集後", 0.4, "Ended", "Weeks5To12"), stored);
        var changes = await c.ExecuteScalarAsync<string>("SELECT Changes FROM AuditLog WHERE EntityType = 'Initiative' AND EntityId = @id AND Action = 'InitiativeEdited'", new { id = id.ToString() });
        Assert.Contains("DecayPercent", changes);
        Assert.DoesNotContain("Hypothesis", changes);
    }

    [Fact]
    public async Task The_effect_shows_an_empty_state_before_the_first_point_then_a_chart_with_each_point_and_its_interval_in_a_table()
    {
        var place = await IssueAsync("施策効果");
        var id = await OnVersionAsync(place, "効果の推移");
        var before = await GetDocumentAsync(place.Cs, $"/initiatives/{id}");
        Assert.Contains("まだ点はありません。最初の点は開始から4週間が終わると測ります。", before.QuerySelector("[data-testid=initiative-effect-empty]")!.TextContent);
        Assert.Null(before.QuerySelector("[data-testid=initiative-effect-chart]"));

        await using (var c = await factory.Db.OpenAsync())
        {
            foreach (var (week, weekOf, difference, lower, upper, wearingOff) in new[] { (3, "2026-07-20", 0.3, 0.12, 0.45, false), (4, "2026-07-27", 0.05, -0.1, 0.2, true) })
                await c.ExecuteAsync(
                    "INSERT INTO InitiativeEffects (InitiativeId, Week, WeekOf, Difference, Lower, Upper, WearingOff, MeasuredAt) VALUES (@id, @week, @weekOf, @difference, @lower, @upper, @wearingOff, @now)",
                    new { id, week, weekOf, difference, lower, upper, wearingOff, now = DateTimeOffset.UtcNow });
        }

        var page = await GetDocumentAsync(place.Cs, $"/initiatives/{id}");
        Assert.NotNull(page.QuerySelector("[data-testid=initiative-effect-chart] svg"));
        var rows = page.QuerySelectorAll("[data-testid=initiative-effects] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal([["2026-07-20", "+30.0", "+12.0〜+45.0", "なし"], ["2026-07-27", "+5.0", "−10.0〜+20.0", "あり"]], rows);
        Assert.Null(page.QuerySelector("[data-testid=initiative-effect-empty]"));

        var english = await GetDocumentAsync(place.Cs, $"/initiatives/{id}?culture=en&ui-culture=en");
        Assert.Contains("+12.0 to +45.0", english.QuerySelector("[data-testid=initiative-effects]")?.TextContent ?? "");
    }

    [Fact]
    public async Task The_wearing_off_action_in_the_queue_links_to_its_initiative()
    {
        var place = await IssueAsync("施策枯れ");
        var id = await OnVersionAsync(place, "枯れる施策");
        var actionId = await factory.Db.InTransactionAsync(async (c, t) =>
        {
            var owner = await c.ExecuteScalarAsync<int>("SELECT OwnerId FROM Initiatives WHERE Id = @id", new { id }, t);
            await CsActions.OpenManyAsync(c, t, [CsActionRequest.InitiativeWearingOff(id, "枯れる施策", 1.5, 8.0, owner, null, new DateOnly(2026, 8, 3))],
                "system", DateTimeOffset.UtcNow, CancellationToken.None);
            return await c.ExecuteScalarAsync<int>("SELECT Id FROM CsActions WHERE ConditionKey = @key", new { key = CsActionRequest.InitiativeWearingOffKey(id) }, t);
        });

        foreach (var culture in new[] { "", "?culture=en&ui-culture=en&scope=everyone" })
        {
            var queue = await GetDocumentAsync(place.Cs, culture == "" ? "/actions?scope=everyone" : "/actions" + culture);
            var link = queue.QuerySelector($"tr[data-action='{actionId}'] a[data-initiative]");
            Assert.NotNull(link);
            Assert.Equal($"/initiatives/{id}", link.GetAttribute("href"));
            Assert.Equal(culture == "" ? $"施策 #{id}" : $"Initiative #{id}", link.TextContent.Trim());
        }
        var followed = await GetDocumentAsync(place.Cs, $"/initiatives/{id}");
        Assert.Equal("枯れる施策", followed.QuerySelector("h1[data-testid=initiative-title]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_program_version_lists_the_feedback_items_of_the_issues_its_initiatives_answer()
    {
        var place = await IssueAsync("版のフィードバック");
        var itemId = await FeedbackPages.ReportNewAsync(place.Cs, new Dictionary<string, string>(FeedbackPages.Item("5週目以降の目標がない", "後半に何を目指すか分からないという声"))
        {
            ["Input.Stage"] = "Weeks5To12", ["Input.ProgramId"] = place.ProgramId.ToString(),
        });
        await FeedbackPages.ReportNewAsync(place.Cs, new Dictionary<string, string>(FeedbackPages.Item("課題に入っていない声", "どの課題にもつながっていない"))
        {
            ["Input.Stage"] = "Weeks5To12", ["Input.ProgramId"] = place.ProgramId.ToString(),
        });
        var issue = await GetDocumentAsync(place.Cs, $"/issues/{place.IssueId}");
        var link = FormFields(issue, new Dictionary<string, string> { ["LinkId"] = itemId.ToString() }, "form[action*='handler=Link']:has(select#link-item)");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(place.Cs, $"/issues/{place.IssueId}?handler=Link", link)).StatusCode);

        var before = await GetDocumentAsync(place.Cs, $"/programs/details/{place.ProgramId}");
        Assert.Empty(before.QuerySelectorAll("[data-testid=version-feedback] a"));
        await OnVersionAsync(place, "目標を示す");
        await OnVersionAsync(place, "同じ課題の二つ目");

        var program = await GetDocumentAsync(place.Cs, $"/programs/details/{place.ProgramId}");
        var listed = program.QuerySelectorAll("[data-testid=version-feedback] a");
        Assert.Equal([itemId.ToString()], listed.Select(a => a.GetAttribute("data-feedback")!));
        Assert.Equal($"/feedback/details/{itemId}", listed[0].GetAttribute("href"));
        Assert.Contains("対応するフィードバック", program.QuerySelector("thead")!.TextContent);
        var cell = program.QuerySelector("[data-testid=version-feedback]")!.TextContent;
        Assert.Contains("5週目以降の目標がない", cell);
        Assert.DoesNotContain("Routed", cell);
        Assert.DoesNotContain("NeedsTriage", cell);

        var english = await GetDocumentAsync(place.Cs, $"/programs/details/{place.ProgramId}?culture=en&ui-culture=en");
        Assert.Contains("Feedback addressed", english.QuerySelector("thead")!.TextContent);
    }

    [Fact]
    public async Task BizDev_and_viewers_read_initiatives_but_cannot_start_or_edit_one()
    {
        var place = await IssueAsync("施策権限");
        foreach (var role in new[] { Roles.BizDev, Roles.Viewer })
        {
            var other = await factory.SignedInClientAsync(role);
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/initiatives")).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync($"/initiatives/new?issueId={place.IssueId}")).StatusCode);
        }
    }
}
