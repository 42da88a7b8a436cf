using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

public sealed class CohortJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Two insurers with active contracts, as BizDev would have left them, naming the program (by its code) before it is launched.</summary>
    private async Task SeedAsync()
    {
        foreach (var (name, seats) in new[] { ("東和製薬健康保険組合", 60), ("北斗化学健康保険組合", 40) })
        {
            var client = await TestData.ClientAsync(fixture.App.Db, new ClientInput { Name = name, Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 5000 });
            await TestData.ActiveContractAsync(fixture.App.Db, client, seats, programName: "SMOKING-12W");
        }
    }

    [Fact]
    public async Task An_admin_publishes_a_program_then_cs_plans_a_joint_cohort_imports_a_CP932_roster_and_sees_its_teams()
    {
        await SeedAsync();
        var admin = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, await fixture.App.CreateUserAsync(Roles.Admin), ProgramOpsFactory.UserPassword);
        await Journeys.LaunchAndPublishAsync(admin, "smoking-12w", "禁煙プログラム（3か月）", "Smoking cessation (3 months)");
        await Assertions.Expect(admin.Locator(".flash")).ToHaveTextAsync("v1 を公開しました。");

        var cs = await fixture.App.CreateUserAsync(Roles.ProgramCS);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, cs, ProgramOpsFactory.UserPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "コホート", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "コホートを計画" }).ClickAsync();
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("2027年1月 製薬健保合同コホート");
        await page.GetByLabel("募集開始日").FillAsync("2026-11-01");
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

        await page.GetByRole(AriaRole.Link, new() { Name = "名簿を取り込む" }).ClickAsync();
        var towa = await page.Locator("option", new() { HasText = "東和製薬健康保険組合" }).GetAttributeAsync("value");
        await page.GetByLabel("契約").SelectOptionAsync(towa!);
        await page.GetByLabel("名簿ファイル（CSV）").SetInputFilesAsync(Path.Combine(BrowserFixture.RepositoryRoot(), "scripts", "samples", "roster-sample-cp932.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "アップロードしてチェック" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-import-status]")).ToHaveAttributeAsync("data-import-status", "Previewed", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("Shift_JIS");
        await BrowserFixture.ScreenshotAsync(page, "22-roster-preview");
        var valid = (await page.Locator("[data-count='valid']").TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = $"{valid} 人を取り込む（招待済みにする）" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-import-status]")).ToHaveAttributeAsync("data-import-status", "Committed", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "コホートに戻る" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-count='participants']")).ToHaveTextAsync(valid);
        await Assertions.Expect(page.Locator("table.imports")).ToContainTextAsync("roster-sample-cp932.csv");
        await BrowserFixture.ScreenshotAsync(page, "23-cohort-with-roster");

        await page.GetByRole(AriaRole.Link, new() { Name = "チーム", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "チームを編成" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"配置 {valid} 人");
        await Assertions.Expect(page.Locator("tr[data-team]")).ToHaveCountAsync(4);
        await page.GetByRole(AriaRole.Link, new() { Name = "チーム 1", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-member]")).ToHaveCountAsync(5);
        await BrowserFixture.ScreenshotAsync(page, "24-team");
    }
}
