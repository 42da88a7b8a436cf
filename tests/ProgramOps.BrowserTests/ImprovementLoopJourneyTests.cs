using Dapper;
using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

/// <summary>The console started with demo data (<c>--demo</c>): its completed cohort and the initiative whose weeks have played out.</summary>
public sealed class DemoBrowserFixture() : BrowserFixture(new DemoConsoleFactory());

public sealed class ImprovementLoopJourneyTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    [Fact]
    public async Task CS_finds_the_worst_step_interviews_five_people_opens_an_issue_and_an_initiative_and_sees_the_demo_initiatives_effect_chart()
    {
        int programId, demoInitiative;
        await using (var c = await fixture.App.Db.OpenAsync())
        {
            programId = await c.ExecuteScalarAsync<int>("SELECT Id FROM Programs WHERE Code = 'smoking-12w'");
            demoInitiative = await c.ExecuteScalarAsync<int>("SELECT MIN(Id) FROM Initiatives");
        }

        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, await fixture.App.CreateUserAsync(Roles.ProgramCS), ProgramOpsFactory.UserPassword);
        await page.GotoAsync("/");
        const string shot = "78-improvement-loop";

        // Where: the program's funnel names the step that loses most; its people were lost at the stage before it.
        await page.Locator("nav a[href='/funnel']").ClickAsync();
        await page.SelectOptionAsync("#a-program", programId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("form.funnel-selections button[type=submit]").ClickAsync();
        var worst = Enum.Parse<FunnelStage>((await page.Locator("[data-testid=funnel-worst]").GetAttributeAsync("data-stage"))!);
        var lostAt = worst - 1;
        await BrowserFixture.ScreenshotAsync(page, $"{shot}-1-worst-step");
        await page.Locator($"a[data-testid=drill-{lostAt}]").ClickAsync();

        // Why: five of them drawn at random to interview (those the demo's interviews hold are left out of the pool).
        await page.Locator("[data-testid=draw-interviews]").ClickAsync();
        await page.Locator("#Count").FillAsync("5");
        await page.Locator("[data-testid=draw]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=interviews] tbody tr")).ToHaveCountAsync(5);
        await BrowserFixture.ScreenshotAsync(page, $"{shot}-2-drawn");

        await page.Locator("[data-testid=interviews] tbody tr a[href^='/interviews/']").First.ClickAsync();
        await page.Locator("[data-testid=step-Contact]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=interview-status]")).ToHaveAttributeAsync("data-status", "Contacted");
        await page.SelectOptionAsync("#FindingStage", lostAt.ToString());
        await page.Locator("[data-testid=finding-text]").FillAsync("チームのチャットが静かになり、続ける理由が見えなくなった");
        await page.Locator("[data-testid=add-finding]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=findings] tbody tr")).ToHaveCountAsync(1);

        // What: an issue opened from the finding.
        await page.Locator("[data-testid=finding-issue]").ClickAsync();
        await page.Locator("[data-testid=issue-statement]").FillAsync("続ける理由が途中で見えなくなる");
        await page.Locator("[data-testid=save-issue]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=issue-stage]")).ToHaveAttributeAsync("data-stage", lostAt.ToString());
        await BrowserFixture.ScreenshotAsync(page, $"{shot}-3-issue");

        // How: an initiative for the issue, aimed at the worst step's conversion on the program's version.
        await page.Locator("[data-testid=issue-initiatives] a[href^='/initiatives/new']").ClickAsync();
        await page.Locator("[data-testid=initiative-title]").FillAsync("次の目標を示すメッセージ");
        await page.Locator("#Input_Hypothesis").FillAsync("途中で次の目標を示せば、続ける人が増える");
        await page.Locator("#Input_ChangeDescription").FillAsync("該当週の冒頭に、次の目標を示すメッセージを追加する");
        await page.Locator("input[name='Input.MetricKind'][value=StepConversion]").CheckAsync();
        await page.SelectOptionAsync("#Input_MetricStage", worst.ToString());
        await page.Locator("input[name='Input.BaselineKind'][value=BeforeStart]").CheckAsync();
        await page.Locator("input[name='Input.VersionIds']").First.CheckAsync();
        await page.Locator("[data-testid=save-initiative]").ClickAsync();
        await Assertions.Expect(page.Locator("h1[data-testid=initiative-title]")).ToHaveTextAsync("次の目標を示すメッセージ");
        await Assertions.Expect(page.Locator("[data-testid=initiative-effect-empty]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"{shot}-4-initiative");

        // Do: the demo's initiative, whose weeks have played out, shows its effect over time.
        await page.Locator("nav a[href='/initiatives']").ClickAsync();
        await page.Locator($"[data-testid=initiatives] tr[data-initiative='{demoInitiative}'] a[href='/initiatives/{demoInitiative}']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=initiative-effect-chart] svg")).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-testid=initiative-effects] tbody tr").CountAsync() > 0);
        await BrowserFixture.ScreenshotAsync(page, $"{shot}-5-effect-chart");
    }
}
