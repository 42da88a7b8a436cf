using Dapper;
using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

public sealed class InterviewJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("ja", "面談旅程")]
    [InlineData("en", "interview-journey")]
    public async Task CS_finds_the_worst_step_of_a_program_draws_five_people_to_interview_records_a_finding_and_opens_an_issue_from_it(string language, string tag)
    {
        var cohort = await OutcomeTestCohort.CreateAsync(fixture.App.Db, tag, new DateOnly(2026, 6, 1));
        int programId;
        await using (var c = await fixture.App.Db.OpenAsync())
        {
            programId = await c.ExecuteScalarAsync<int>("SELECT ProgramId FROM ReportingCohorts WHERE Id = @CohortId", new { cohort.CohortId });
        }

        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, await fixture.App.CreateUserAsync(Roles.ProgramCS), ProgramOpsFactory.UserPassword);
        await page.GotoAsync("/");
        await page.Locator("#culture-switch").SelectOptionAsync(language);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        var shot = $"7{(language == "ja" ? "0" : "5")}-interviews";

        // Where: the program's funnel names the step that loses most; its people were lost at the stage before it.
        await page.Locator("nav a[href='/funnel']").ClickAsync();
        await page.SelectOptionAsync("#a-program", programId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("form.funnel-selections button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=funnel-worst]")).ToHaveAttributeAsync("data-stage", "Weeks5To12");
        await BrowserFixture.ScreenshotAsync(page, $"{shot}-1-worst-step");
        await page.Locator("a[data-testid=drill-Weeks2To4]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=funnel-people-list] tbody tr")).ToHaveCountAsync(6);

        // Why: five of them drawn at random to interview.
        await page.Locator("[data-testid=draw-interviews]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=draw-pool]")).ToContainTextAsync("6");
        await page.Locator("#Count").FillAsync("5");
        await page.Locator("[data-testid=draw]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=interviews] tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=draw-summary]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"{shot}-2-drawn");

        await page.Locator("[data-testid=interviews] tbody tr a[href^='/interviews/']").First.ClickAsync();
        await page.Locator("[data-testid=step-Contact]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=interview-status]")).ToHaveAttributeAsync("data-status", "Contacted");
        await page.SelectOptionAsync("#FindingStage", "Weeks2To4");
        await page.Locator("[data-testid=finding-text]").FillAsync($"{tag}: 3週目にチームのチャットが静かになり、相談相手がいなかった");
        await page.Locator("[data-testid=add-finding]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=findings] tbody tr")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, $"{shot}-3-finding");

        // What: an issue opened from the finding, with the step's conversion today.
        await page.Locator("[data-testid=finding-issue]").ClickAsync();
        await page.Locator("[data-testid=issue-statement]").FillAsync($"{tag}: 2〜4週目に夜の相談相手がいない");
        await page.Locator("[data-testid=save-issue]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=issue-stage]")).ToHaveAttributeAsync("data-stage", "Weeks2To4");
        await Assertions.Expect(page.Locator("[data-testid=issue-conversion]")).ToContainTextAsync("28/28");
        await Assertions.Expect(page.Locator("[data-testid=issue-findings] tbody tr")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, $"{shot}-4-issue");
    }
}
