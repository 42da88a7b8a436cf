using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.WebTests.Demo;

public sealed class DemoStartTests(DemoConsoleFactory factory) : IClassFixture<DemoConsoleFactory>
{
    [Fact]
    public async Task Starts_with_a_completed_and_a_running_cohort_whose_pages_and_actions_are_alive()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        await using var connection = await factory.Db.OpenAsync();
        var cohorts = (await connection.QueryAsync<(int Id, string Status)>("SELECT Id, Status FROM Cohorts ORDER BY Id")).ToList();
        Assert.Equal(["Completed", "Running", "Enrolling", "Enrolling", "Planned"], cohorts.Select(c => c.Status));
        foreach (var (id, _) in cohorts) Assert.Equal(HttpStatusCode.OK, (await cs.GetAsync($"/cohorts/details/{id}")).StatusCode);
        var actions = await cs.GetStringAsync("/actions");
        var openAtRisk = await connection.QueryAsync<long>("SELECT ParticipantId FROM CsActions WHERE Kind = 'ParticipantAtRisk' AND Status = 'Open'");
        Assert.NotEmpty(openAtRisk);
        Assert.Contains(openAtRisk, id => actions.Contains($"/participants/{id}\"", StringComparison.Ordinal));

        // The app's feedback was routed by the rules a new installation starts with, not before there were any.
        Assert.True(await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM FeedbackItems f WHERE f.Source = 'ParticipantApp' AND EXISTS (SELECT 1 FROM RoutingDecisionRules r JOIN RoutingDecisions d ON d.Id = r.DecisionId WHERE d.FeedbackItemId = f.Id)") > 0);
    }

    [Fact]
    public async Task The_completed_cohort_has_interviews_drawn_from_its_weeks_2_to_4_drop_outs_and_an_issue_opened_from_a_finding()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        await using var connection = await factory.Db.OpenAsync();
        var interviews = (await connection.QueryAsync<(int Id, string Status, string State)>(
            "SELECT i.Id, i.Status, p.State FROM Interviews i JOIN Participants p ON p.Id = i.ParticipantId WHERE p.CohortId = 1 ORDER BY i.Id")).ToList();
        // Five are asked for; the test console's smaller demo may have fewer such drop-outs.
        Assert.InRange(interviews.Count, 3, 5);
        Assert.All(interviews, i => Assert.Equal("DroppedOut", i.State));
        Assert.Equal(["Done", "Declined", "Scheduled"], interviews.Take(3).Select(i => i.Status));
        Assert.All(interviews.Skip(3), i => Assert.Equal("Candidate", i.Status));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM FeedbackItems WHERE Source = 'N1Interview' AND Stage = 'Weeks2To4'"));
        var issue = await connection.ExecuteScalarAsync<int>("SELECT MIN(IssueId) FROM IssueFindings");
        Assert.Equal(interviews.Count, System.Text.RegularExpressions.Regex.Count(await cs.GetStringAsync("/interviews"), "<tr data-interview="));
        var page = await cs.GetStringAsync($"/issues/{issue}");
        Assert.Contains("インタビュー1件（発見1件）", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_issue_has_a_team_experiment_whose_page_shows_its_arms_and_effect_chart_with_every_point_in_a_table()
    {
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        await using var connection = await factory.Db.OpenAsync();
        var (id, issue) = await connection.QuerySingleAsync<(int, int)>("SELECT Id, IssueId FROM Initiatives");
        var points = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM InitiativeEffects WHERE InitiativeId = @id", new { id });
        Assert.True(points > 0);
        var page = await viewer.GetStringAsync($"/initiatives/{id}");
        Assert.Contains("data-testid=\"initiative-effect-chart\"", page, StringComparison.Ordinal);
        Assert.Equal(points, System.Text.RegularExpressions.Regex.Count(page, "<tr data-week="));
        Assert.Contains("data-testid=\"initiative-arms\"", page, StringComparison.Ordinal);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        Assert.Contains($"/initiatives?issueId={issue}", await cs.GetStringAsync($"/issues/{issue}"), StringComparison.Ordinal);
    }
}
