using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

public sealed class CohortJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Two insurers with active contracts and a published smoking program, as BizDev and an admin would have left them.</summary>
    private async Task SeedAsync()
    {
        await TestData.PublishedProgramAsync(fixture.App.Db, "smoking-12w");
        foreach (var (name, seats) in new[] { ("東和製薬健康保険組合", 60), ("北斗化学健康保険組合", 40) })
        {
            var client = await TestData.ClientAsync(fixture.App.Db, new ClientInput { Name = name, Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 5000 });
            await TestData.ActiveContractAsync(fixture.App.Db, client, seats);
        }
    }

    [Fact]
    public async Task Program_cs_plans_a_joint_cohort_for_two_insurers_and_opens_enrolment()
    {
        await SeedAsync();
        var cs = await fixture.App.CreateUserAsync(Roles.ProgramCS);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, cs, ProgramOpsFactory.UserPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "コホート", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "コホートを計画" }).ClickAsync();
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("2027年1月 製薬健保合同コホート");
        await page.GetByLabel("募集開始日").FillAsync("2026-12-01");
        await page.GetByLabel("募集終了日").FillAsync("2026-12-21");
        await page.GetByLabel("開始日", new() { Exact = true }).FillAsync("2027-01-11");
        await page.GetByLabel("東和製薬健康保険組合 からの席数").FillAsync("60");
        await page.GetByLabel("北斗化学健康保険組合 からの席数").FillAsync("35");
        await BrowserFixture.ScreenshotAsync(page, "20-cohort-plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "作成" }).ClickAsync();

        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("95");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "募集を開始" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1 .badge")).ToHaveTextAsync("募集中");
        await BrowserFixture.ScreenshotAsync(page, "21-cohort-enrolling");
    }
}
