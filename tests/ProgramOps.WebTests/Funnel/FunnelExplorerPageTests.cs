using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Funnel;

/// <summary>
/// The funnel explorer on OutcomeTestCohort's 30 people: 2 let the invitation expire, 6 dropped out in week 3, 2 withdrew
/// in week 5 and 20 completed.
/// </summary>
public sealed class FunnelExplorerPageTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    [Theory]
    [InlineData(Roles.ProgramCS)]
    [InlineData(Roles.BizDev)]
    public async Task Staff_see_each_steps_conversion_with_its_interval_the_worst_step_and_the_check_in_curve(string role)
    {
        var cohort = await OutcomeTestCohort.CreateAsync(factory.Db, $"漏斗{role}", new DateOnly(2026, 6, 1));

        var page = await GetDocumentAsync(await factory.SignedInClientAsync(role), $"/funnel?a.CohortId={cohort.CohortId}");

        Assert.Contains("30", page.QuerySelector("[data-testid=funnel-people]")!.TextContent);
        Assert.Contains("28/30", page.QuerySelector("tr[data-stage='Enrolment'] [data-figure=conversion]")!.TextContent);
        var weeks5To12 = page.QuerySelector("tr[data-stage='Weeks5To12'] [data-figure=conversion]")!.TextContent;
        Assert.Contains("22/28", weeks5To12);
        Assert.Contains("78.6%", weeks5To12);
        Assert.Contains("95%信頼区間", weeks5To12);
        Assert.Equal("Weeks5To12", page.QuerySelector("[data-testid=funnel-worst]")!.GetAttribute("data-stage"));
        Assert.Contains("2〜4週目 → 5〜12週目", page.QuerySelector("[data-testid=funnel-worst]")!.TextContent);
        Assert.Contains("26/28", page.QuerySelector("[data-testid=checkin-curve] tr[data-week='1']")!.TextContent);
        Assert.Contains("<svg", page.QuerySelector("[data-testid=funnel-chart]")!.InnerHtml);
        Assert.Contains("<svg", page.QuerySelector("[data-testid=checkin-chart]")!.InnerHtml);
        Assert.Equal(role == Roles.ProgramCS, page.QuerySelector("a[data-testid=drill-Weeks2To4]") is not null);
        Assert.DoesNotContain("Explorer.", page.Body!.TextContent);
        Assert.DoesNotContain("Weeks5To12", page.Body.TextContent);
    }

    [Fact]
    public async Task Two_selections_side_by_side_show_each_steps_difference_with_its_interval()
    {
        var first = await OutcomeTestCohort.CreateAsync(factory.Db, "漏斗比較A", new DateOnly(2026, 6, 1));
        var second = await OutcomeTestCohort.CreateAsync(factory.Db, "漏斗比較B", new DateOnly(2026, 7, 6));
        await using (var c = await factory.Db.OpenAsync())
        {
            // Four of B's completers dropped out at the end instead (week 12): 16 of B's 22 reach the final assessment, against A's 20.
            await c.ExecuteAsync(
                "UPDATE Participants SET State = 'DroppedOut', Outcome = NULL WHERE Id IN (SELECT Id FROM Participants WHERE CohortId = @CohortId AND State = 'Completed' ORDER BY Id LIMIT 4)",
                new { second.CohortId });
            await c.ExecuteAsync(
                "INSERT INTO ParticipantTransitions (ParticipantId, FromState, ToState, TriggerName, Actor, OccurredAt) SELECT Id, 'Active', 'DroppedOut', 'Test', 'seed', StateChangedAt FROM Participants WHERE CohortId = @CohortId AND State = 'DroppedOut' AND Id NOT IN (SELECT ParticipantId FROM ParticipantTransitions)",
                new { second.CohortId });
        }

        var page = await GetDocumentAsync(await factory.SignedInClientAsync(Roles.ProgramCS),
            $"/funnel?a.CohortId={first.CohortId}&compare=true&b.CohortId={second.CohortId}");

        var difference = page.QuerySelector("tr[data-stage='FinalAssessment'] [data-figure=difference]")!.TextContent;
        Assert.Contains("+18.2ポイント", difference);
        Assert.Contains("95%信頼区間", difference);
        Assert.Contains("0.0ポイント", page.QuerySelector("tr[data-stage='Enrolment'] [data-figure=difference]")!.TextContent);
    }

    [Fact]
    public async Task The_drill_down_lists_the_people_lost_at_a_stage_by_name_and_is_audited()
    {
        var cohort = await OutcomeTestCohort.CreateAsync(factory.Db, "漏斗離脱者", new DateOnly(2026, 6, 1));
        var client = await factory.SignedInClientAsync(Roles.ProgramCS);

        var page = await GetDocumentAsync(client, $"/funnel/people?a.CohortId={cohort.CohortId}&stage=Weeks2To4");

        var rows = page.QuerySelectorAll("[data-testid=funnel-people-list] tbody tr");
        Assert.Equal(6, rows.Length);
        Assert.All(rows, row => Assert.Contains("脱落", row.TextContent));
        await using var c = await factory.Db.OpenAsync();
        var summary = await c.QuerySingleAsync<string>(
            "SELECT Summary FROM AuditLog WHERE EntityType = 'Funnel' AND Action = 'FunnelPeopleListed' AND Summary LIKE @like",
            new { like = $"%a.CohortId={cohort.CohortId}&%" });
        Assert.StartsWith("6 lost at Weeks2To4", summary);
    }
}
