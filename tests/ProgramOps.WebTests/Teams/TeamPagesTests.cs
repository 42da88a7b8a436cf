using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Teams;

public sealed class TeamPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<(HttpClient Cs, int CohortId)> CohortWithTeamsAsync(string tag, int people)
    {
        var (cohortId, contractId, _) = await EnrollingCohortAsync(factory, tag);
        await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, people, "営業部", "総務部", "開発部");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var page = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams");
        var formed = await PostAsync(cs, $"/cohorts/{cohortId}/teams?handler=Form", FormFields(page, formSelector: "form[action*='handler=Form']"));
        Assert.Equal(HttpStatusCode.Redirect, formed.StatusCode);
        return (cs, cohortId);
    }

    [Fact]
    public async Task Staff_form_teams_on_demand_and_see_each_teams_members()
    {
        var (cs, cohortId) = await CohortWithTeamsAsync("編成", 23);

        var teams = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams");
        var sizes = teams.QuerySelectorAll("tr[data-team] [data-members]").Select(c => c.TextContent.Trim()).ToList();
        var team = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams/1");

        Assert.Equal(["5", "5", "5", "4", "4"], sizes);
        Assert.Contains("新しいチーム 5、配置 23 人", teams.QuerySelector(".flash")!.TextContent);
        Assert.Equal(5, team.QuerySelectorAll("tr[data-member]").Length);
        Assert.Equal(3, team.QuerySelectorAll("tr[data-member]").Select(r => r.Children[1].TextContent).Distinct().Count());
    }

    [Fact]
    public async Task A_move_needs_a_reason_is_audited_and_a_stale_form_changes_nothing()
    {
        // Teams of 5, 5 and 4: team 3 has room.
        var (cs, cohortId) = await CohortWithTeamsAsync("移動", 14);
        var team = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams/1");
        var form = $"tr[data-member] form";

        var noReason = await PostAsync(cs, $"/cohorts/{cohortId}/teams/1?handler=Move", FormFields(team, new Dictionary<string, string> { ["Input.Reason"] = "" }, form));
        Assert.Contains("移動の理由を入力してください", (await ReadDocumentAsync(noReason)).QuerySelector(".error-summary")!.TextContent);

        var moved = await PostAsync(cs, $"/cohorts/{cohortId}/teams/1?handler=Move",
            FormFields(team, new Dictionary<string, string> { ["Input.ToTeam"] = "3", ["Input.Reason"] = "同じ職場の人がいると本人から相談" }, form));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var participant = team.QuerySelector("tr[data-member]")!.GetAttribute("data-member");
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal("同じ職場の人がいると本人から相談", await c.ExecuteScalarAsync<string>(
            "SELECT Summary FROM AuditLog WHERE EntityType = 'Participant' AND EntityId = @participant AND Action = 'TeamMoved'", new { participant }));

        var stale = await PostAsync(cs, $"/cohorts/{cohortId}/teams/1?handler=Move",
            FormFields(team, new Dictionary<string, string> { ["Input.ToTeam"] = "2", ["Input.Reason"] = "二重送信" }, form));
        Assert.NotNull((await ReadDocumentAsync(stale)).QuerySelector(".conflict"));
    }

    [Fact]
    public async Task Nobody_can_be_moved_into_a_full_team_not_even_by_a_form_that_asks_to_allow_it()
    {
        // 10 people make two teams of 5, the most a peer team may have.
        var (cs, cohortId) = await CohortWithTeamsAsync("満員", 10);
        var team = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams/1");

        var full = await PostAsync(cs, $"/cohorts/{cohortId}/teams/1?handler=Move", FormFields(team,
            new Dictionary<string, string> { ["Input.ToTeam"] = "2", ["Input.Reason"] = "本人の希望", ["Input.AllowOverMaximum"] = "true" }, "tr[data-member] form"));

        Assert.Null(team.QuerySelector("input[name='Input.AllowOverMaximum']"));
        Assert.Contains("上限の 5 人です", (await ReadDocumentAsync(full)).QuerySelector(".error-summary")!.TextContent);
        var teams = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams");
        Assert.Equal(["5", "5"], teams.QuerySelectorAll("tr[data-team] [data-members]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task The_teams_page_states_the_size_rule_and_what_happens_when_teams_of_four_or_five_are_impossible_in_both_languages()
    {
        var (cs, cohortId) = await CohortWithTeamsAsync("人数の規則", 6);

        var ja = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams");
        var en = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams?culture=en&ui-culture=en");

        Assert.Equal(["3", "3"], ja.QuerySelectorAll("tr[data-team] [data-members]").Select(c => c.TextContent.Trim()));
        Assert.Contains("チーム人数：5人（4〜5人。5人を超えることはありません）", ja.QuerySelector("[data-team-rule]")!.TextContent);
        Assert.Contains("6人なら 3 + 3 人", ja.QuerySelector("[data-team-rule]")!.TextContent);
        Assert.Contains("Team size: 5 people (from 4 to 5; never more than 5)", en.QuerySelector("[data-team-rule]")!.TextContent);
        Assert.Contains("6 people → 3 + 3", en.QuerySelector("[data-team-rule]")!.TextContent);
    }

    [Fact]
    public async Task Starting_the_cohort_forms_the_teams_of_everyone_taking_part()
    {
        var (cohortId, contractId, _) = await EnrollingCohortAsync(factory, "開始編成");
        var ids = await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, 10, "営業部");
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET State = 'Enrolled' WHERE Id = @id", new { id = ids[0] });
            await c.ExecuteAsync("UPDATE Cohorts SET StartDate = '2026-01-05', EnrolmentCloses = '2025-12-20', EnrolmentOpens = '2025-12-01' WHERE Id = @cohortId", new { cohortId });
        }

        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var details = await GetDocumentAsync(cs, $"/cohorts/details/{cohortId}");
        var started = await PostAsync(cs, $"/cohorts/details/{cohortId}?handler=Advance", FormFields(details, formSelector: "form[action*='handler=Advance']"));

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var after = await GetDocumentAsync(cs, $"/cohorts/details/{cohortId}");
        Assert.Contains("実施中", after.QuerySelector("h1")!.TextContent);
        Assert.Equal("2", after.QuerySelector("[data-count='teams']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_cohort_without_participants_or_without_teams_says_so_and_offers_forming_only_when_there_is_someone_to_place()
    {
        var (cohortId, contractId, _) = await EnrollingCohortAsync(factory, "空の編成");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var empty = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams");
        await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, 7, "営業部");
        var waiting = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams");

        Assert.Contains("参加者がまだいません", empty.QuerySelector(".empty")!.TextContent);
        Assert.Null(empty.QuerySelector("form[action*='handler=Form']"));
        Assert.Contains("7 人の参加者が配置を待っています", waiting.QuerySelector(".empty")!.TextContent);
        Assert.Contains("チームに入る 7 人（招待済み 7 人）でチームを編成しますか", waiting.QuerySelector("form[action*='handler=Form']")!.GetAttribute("data-confirm"));
    }

    [Fact]
    public async Task A_viewer_sees_teams_and_members_but_can_neither_form_nor_move()
    {
        var (_, cohortId) = await CohortWithTeamsAsync("閲覧", 10);
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var teams = await GetDocumentAsync(viewer, $"/cohorts/{cohortId}/teams");
        var team = await GetDocumentAsync(viewer, $"/cohorts/{cohortId}/teams/1");
        var form = await PostAsync(viewer, $"/cohorts/{cohortId}/teams?handler=Form", FormFields(teams, formSelector: "form[method=post]"));

        Assert.Equal(2, teams.QuerySelectorAll("tr[data-team]").Length);
        Assert.Null(teams.QuerySelector("form[action*='handler=Form']"));
        Assert.Equal(5, team.QuerySelectorAll("tr[data-member]").Length);
        Assert.Null(team.QuerySelector("form[action*='handler=Move']"));
        Assert.StartsWith("/account/accessdenied", form.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_large_cohorts_teams_are_listed_a_page_at_a_time_and_an_unknown_team_is_not_found()
    {
        var (cs, cohortId) = await CohortWithTeamsAsync("大規模", 300);

        var first = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams");
        var second = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams?pageNumber=2");
        var missing = await cs.GetAsync($"/cohorts/{cohortId}/teams/61");

        Assert.Equal(50, first.QuerySelectorAll("tr[data-team]").Length);
        Assert.Equal(["51", "60"], new[] { second.QuerySelector("tr[data-team]")!.GetAttribute("data-team")!, second.QuerySelectorAll("tr[data-team]")[^1].GetAttribute("data-team")! });
        Assert.NotNull(first.QuerySelector(".pager a[rel=next]"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_move_from_a_page_shown_before_someone_else_changed_the_participant_names_them_and_moves_nobody()
    {
        // Teams of 5 and 4: team 2 has room.
        var (cs, cohortId) = await CohortWithTeamsAsync("競合", 9);
        var team = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams/1");
        var participant = long.Parse(team.QuerySelector("tr[data-member]")!.GetAttribute("data-member")!);
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET State = 'Enrolled', Version = Version + 1, UpdatedBy = 'sato-cs' WHERE Id = @participant", new { participant });
        }

        var stale = await PostAsync(cs, $"/cohorts/{cohortId}/teams/1?handler=Move",
            FormFields(team, new Dictionary<string, string> { ["Input.ToTeam"] = "2", ["Input.Reason"] = "本人の希望" }, "tr[data-member] form"));

        Assert.Contains("sato-cs", (await ReadDocumentAsync(stale)).QuerySelector(".conflict")!.TextContent);
        var still = await GetDocumentAsync(cs, $"/cohorts/{cohortId}/teams/1");
        Assert.NotNull(still.QuerySelector($"tr[data-member='{participant}']"));
    }
}
