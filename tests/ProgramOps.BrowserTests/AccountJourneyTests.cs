using Dapper;
using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.KeyPersons;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

public sealed class AccountJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task BizDev_opens_a_client_logs_a_meeting_with_its_decision_maker_and_finds_the_renewal_in_the_pipeline()
    {
        var db = fixture.App.Db;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var client = await TestData.ClientAsync(db, new ClientInput
        {
            Name = "青葉電機株式会社", NameKana = "アオバデンキ", Kind = ClientKind.Employer, EligiblePopulation = 2400, TouchModel = TouchModel.High,
        });
        await db.InTransactionAsync((c, t) => c.ExecuteAsync(KeyPersonsSql.Insert,
            new KeyPersonInput { Name = "青葉 健一", Title = "人事本部長", Role = KeyPersonRole.DecisionMaker }.ToParameters(client, DateTimeOffset.UtcNow, "seed"), t));
        var contract = await TestData.ActiveContractAsync(db, client, 150);
        await using (var c = await db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Contracts SET StartDate = @start, EndDate = @end WHERE Id = @contract",
                new { start = today.AddDays(-300).ToString("yyyy-MM-dd"), end = today.AddDays(65).ToString("yyyy-MM-dd"), contract });
        }

        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, await fixture.App.CreateUserAsync(Roles.BizDev), ProgramOpsFactory.UserPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "クライアント", Exact = true }).First.ClickAsync();
        await page.GetByLabel("検索").FillAsync("アオバ");
        await page.GetByRole(AriaRole.Button, new() { Name = "適用" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "青葉電機株式会社" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-warning='no-touch']")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "活動を記録" }).ClickAsync();
        await page.GetByLabel("種類").SelectOptionAsync(new SelectOptionValue { Label = "面談" });
        await page.GetByLabel("青葉 健一").CheckAsync();
        await page.GetByLabel("概要").FillAsync("来期の更新について面談。席数を200に増やす方向で検討中。");
        await page.GetByLabel("次のステップ").FillAsync("見積もりを送付");
        await BrowserFixture.ScreenshotAsync(page, "60-activity-record");
        await page.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();

        var entry = page.Locator("#activity .timeline-entry").First;
        await Assertions.Expect(entry).ToContainTextAsync("面談");
        await Assertions.Expect(entry).ToContainTextAsync("青葉 健一");
        await Assertions.Expect(entry).ToContainTextAsync("席数を200に増やす方向");
        await Assertions.Expect(page.Locator("[data-warning='no-touch']")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "61-client-timeline");

        await page.GetByRole(AriaRole.Link, new() { Name = "クライアント", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "更新パイプライン" }).ClickAsync();
        var row = page.Locator($"#pipeline tr[data-contract='{contract}']");
        await Assertions.Expect(row).ToContainTextAsync("青葉電機株式会社");
        await Assertions.Expect(row).ToContainTextAsync("4,500,000");
        await row.GetByLabel("青葉電機株式会社の更新ステージ").SelectOptionAsync(new SelectOptionValue { Label = "交渉中" });
        await row.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pipeline-changes")).ToContainTextAsync("未着手 → 交渉中");
        await BrowserFixture.ScreenshotAsync(page, "62-renewal-pipeline");
        await BrowserFixture.AssertInWordsAsync(page, "renewal pipeline");
    }
}
