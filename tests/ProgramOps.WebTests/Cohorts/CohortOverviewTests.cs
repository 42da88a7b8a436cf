using System.Net;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Cohorts;

public sealed class CohortOverviewTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private const string Header = "社員番号,氏名,フリガナ,メールアドレス,部署";

    private async Task<(HttpClient Cs, int CohortId)> CohortWithRosterAsync(string tag, int people)
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, tag);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var rows = Enumerable.Range(1, people).Select(i => $"{tag}{i:000},社員 {i:000},シャイン,user{i}@example.com,{(i % 2 == 0 ? "営業部" : "開発部")}");
        var preview = await UploadAndPreviewAsync(cs, cohortId, $"{tag}.csv", Utf8Csv([Header, .. rows]));
        var commit = await PostAsync(cs, preview.QuerySelector("form[action*='handler=Commit']")!.GetAttribute("action")!,
            FormFields(preview, formSelector: "form[action*='handler=Commit']"));
        await WaitForWorkerAsync(cs, commit.Headers.Location!.OriginalString);
        return (cs, cohortId);
    }

    [Fact]
    public async Task The_cohort_page_counts_participants_by_state_shows_the_funnel_and_the_import_history()
    {
        var (cs, cohortId) = await CohortWithRosterAsync("概要", 30);

        var page = await GetDocumentAsync(cs, $"/cohorts/details/{cohortId}");

        Assert.Equal("30", page.QuerySelector("[data-count='participants']")!.TextContent.Trim());
        Assert.Equal("30", page.QuerySelector("tr[data-state='Invited'] td")!.TextContent.Trim());
        Assert.Contains("100%", page.QuerySelector("tr[data-stage='Invitation']")!.TextContent);
        Assert.Contains("0%", page.QuerySelector("tr[data-stage='Enrolment']")!.TextContent);
        Assert.Equal(["0", "1", "4", "8", "12"], page.QuerySelectorAll("table.milestones tr[data-milestone]").Select(r => r.GetAttribute("data-milestone")));
        var import = page.QuerySelector("table.imports tbody tr")!.TextContent;
        Assert.Contains("概要.csv", import);
        Assert.Contains("取り込み済み", import);
        Assert.DoesNotContain("登録", import);
    }

    [Fact]
    public async Task A_cohort_cannot_start_before_anyone_enrolled_and_says_why()
    {
        var (cs, cohortId) = await CohortWithRosterAsync("開始", 3);

        var page = await GetDocumentAsync(cs, $"/cohorts/details/{cohortId}");

        Assert.True(page.QuerySelector("form[action*='handler=Advance'] button")!.HasAttribute("disabled"));
        Assert.Contains("まだ誰も登録されていません", page.QuerySelector(".notice")!.TextContent);
        var forced = await PostAsync(cs, $"/cohorts/details/{cohortId}?handler=Advance", FormFields(page, formSelector: "form[action*='handler=Advance']"));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("募集中", (await GetDocumentAsync(cs, $"/cohorts/details/{cohortId}")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_participant_list_searches_filters_sorts_and_pages()
    {
        var (cs, cohortId) = await CohortWithRosterAsync("一覧", 30);

        var first = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/participants");
        Assert.Equal(25, first.QuerySelectorAll("tr[data-participant]").Length);
        Assert.Contains("30 件中 1–25 件", first.QuerySelector(".pager")!.TextContent);

        var search = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/participants?q=一覧007");
        Assert.Equal("一覧007", search.QuerySelector("tr[data-participant] td")!.TextContent.Trim());

        var sorted = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/participants?sort=EmployeeNumber&dir=desc");
        Assert.Equal("一覧030", sorted.QuerySelector("tr[data-participant] td")!.TextContent.Trim());

        var none = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/participants?state=Withdrawn");
        Assert.Contains("条件に合う参加者はいません", none.QuerySelector(".empty")!.TextContent);

        var pastEnd = await cs.GetAsync($"/cohorts/{cohortId}/participants?pageNumber=9");
        Assert.Equal(HttpStatusCode.Redirect, pastEnd.StatusCode);
    }
}
