using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.KeyPersons;
using ProgramOps.Web.Features.Clients.Signals;
using ProgramOps.Web.Features.Health;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.BrowserTests;

public sealed class AccountJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task BizDev_opens_a_client_logs_a_meeting_with_its_decision_maker_and_finds_the_renewal_in_the_pipeline()
    {
        var db = fixture.App.Db;
        var today = TokyoCalendar.Today;
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

    /// <summary>
    /// BizDev's week from the at-risk list: the client's low health opened an action for them, the health explanation
    /// says no one has touched the account, a meeting with the decision maker fixes that, and the renewal shows in the
    /// pipeline with the week's score; then the same pages in English.
    /// </summary>
    [Fact]
    public async Task BizDev_opens_an_at_risk_client_logs_a_meeting_with_its_decision_maker_and_sees_the_health_explanation_and_the_renewal()
    {
        var db = fixture.App.Db;
        var clock = fixture.App.Services.GetRequiredService<LocalClock>();
        var today = clock.Today;
        var bizDev = await fixture.App.CreateUserAsync(Roles.BizDev);
        int ownerId;
        await using (var c = await db.OpenAsync())
        {
            ownerId = await c.ExecuteScalarAsync<int>("SELECT Id FROM Users WHERE UserName = @bizDev", new { bizDev });
        }

        var client = await TestData.ClientAsync(db, new ClientInput
        {
            Name = "若葉化学株式会社", NameKana = "ワカバカガク", Kind = ClientKind.Employer, EligiblePopulation = 1800, TouchModel = TouchModel.High,
            Segment = ClientSegment.Enterprise, BizDevOwnerId = ownerId,
        });
        await db.InTransactionAsync((c, t) => c.ExecuteAsync(KeyPersonsSql.Insert,
            new KeyPersonInput { Name = "若葉 誠", Title = "常務取締役", Role = KeyPersonRole.DecisionMaker }.ToParameters(client, DateTimeOffset.UtcNow, "seed"), t));
        var contract = await TestData.ActiveContractAsync(db, client, 120);
        await using (var c = await db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Contracts SET StartDate = @start, EndDate = @end WHERE Id = @contract",
                new { start = today.AddDays(-300).ToString("yyyy-MM-dd"), end = today.AddDays(75).ToString("yyyy-MM-dd"), contract });
            await c.ExecuteAsync("INSERT INTO HealthSnapshots (ClientId, WeekOf, Score, Weakest, Parts, TakenAt) VALUES (@client, @week, 35, 'LastTouch', '{}', @now)",
                new { client, week = HealthSnapshotJob.WeekOf(today).ToString("yyyy-MM-dd"), now = DateTimeOffset.UtcNow });
        }

        await new ClientSignalsJob(db, clock, NullLogger<ClientSignalsJob>.Instance).RunAsync(CancellationToken.None);

        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, bizDev, ProgramOpsFactory.UserPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "必要アクション", Exact = true }).First.ClickAsync();
        var action = page.Locator("tr[data-kind='ClientHealthLow']").Filter(new() { HasText = "若葉化学株式会社" });
        await Assertions.Expect(action).ToContainTextAsync("ヘルススコアが 35 で、基準の 60 を下回っています");
        await BrowserFixture.ScreenshotAsync(page, "63-client-health-action");

        await page.GetByRole(AriaRole.Link, new() { Name = "アカウントヘルス", Exact = true }).First.ClickAsync();
        await page.Locator($"[data-testid='at-risk'] tr[data-client='{client}']").GetByRole(AriaRole.Link, new() { Name = "若葉化学株式会社" }).ClickAsync();
        var lastTouch = page.Locator("[data-testid='health-signals'] tr[data-signal='LastTouch'] [data-figure='value']");
        await Assertions.Expect(lastTouch).ToHaveTextAsync("不明");
        await BrowserFixture.ScreenshotAsync(page, "64-health-explanation");

        await page.Locator($"main a[href='/clients/details/{client}']").First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "活動を記録" }).ClickAsync();
        await page.GetByLabel("種類").SelectOptionAsync(new SelectOptionValue { Label = "面談" });
        await page.GetByLabel("若葉 誠").CheckAsync();
        await page.GetByLabel("概要").FillAsync("参加率の低さについて常務と面談。次回コホートで部署別の案内を行う。");
        await page.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#activity .timeline-entry").First).ToContainTextAsync("若葉 誠");

        await page.GotoAsync($"/health/clients/{client}");
        await Assertions.Expect(lastTouch).ToHaveTextAsync("0 日");

        await page.GotoAsync("/clients/renewals");
        var row = page.Locator($"#pipeline tr[data-contract='{contract}']");
        await Assertions.Expect(row).ToContainTextAsync("若葉化学株式会社");
        await Assertions.Expect(row.Locator($"[data-health-for='{client}'] a")).ToHaveTextAsync("35");
        await BrowserFixture.AssertInWordsAsync(page, "renewal pipeline (ja)");

        await page.Locator("#culture-switch").SelectOptionAsync("en");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(row.Locator($"[data-health-for='{client}'] .badge")).ToHaveTextAsync("At risk");
        await BrowserFixture.AssertInWordsAsync(page, "renewal pipeline (en)");
        await page.GotoAsync($"/health/clients/{client}");
        await Assertions.Expect(lastTouch).ToHaveTextAsync("0 days");
        await BrowserFixture.AssertInWordsAsync(page, "health explanation (en)");
        await page.GotoAsync("/actions");
        await Assertions.Expect(action).ToContainTextAsync("The account's health score is 35, under 60");
        await BrowserFixture.AssertInWordsAsync(page, "actions (en)");
        await BrowserFixture.ScreenshotAsync(page, "65-client-health-action-en");
    }
}
