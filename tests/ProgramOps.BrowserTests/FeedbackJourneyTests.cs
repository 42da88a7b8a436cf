using Dapper;
using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

public sealed class FeedbackJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_cs_user_reports_an_item_sees_why_it_was_routed_overrides_it_and_finds_it_in_the_right_queue()
    {
        var (cohortId, contractId) = await TestData.CohortOfNewClientAsync(fixture.App.Db, "fbj", "Running", DateOnly.FromDateTime(DateTime.Today).AddDays(-7));
        await using var connection = await fixture.App.Db.OpenAsync();
        var (programId, clientId) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT v.ProgramId, ct.ClientId FROM Cohorts c JOIN ProgramVersions v ON v.Id = c.ProgramVersionId JOIN Contracts ct ON ct.Id = @contractId WHERE c.Id = @cohortId",
            new { cohortId, contractId });
        var cs = await fixture.App.CreateUserAsync(Roles.ProgramCS);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, cs, ProgramOpsFactory.UserPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "フィードバック", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "フィードバックを報告" }).ClickAsync();
        await page.GetByLabel("件名").FillAsync("ﾆｺﾁﾝｶﾞﾑが禁煙開始日より後に届いた");
        await page.GetByLabel("内容（日本語または英語）").FillAsync("4月期の参加者3名から、開始日の3日後にガムが届いたと連絡があった。健保の担当者も気にしている。");
        await page.GetByLabel("カテゴリ").SelectOptionAsync(new SelectOptionValue { Label = "補助薬の配送" });

        // Choosing the cohort fills its program and its client.
        await page.GetByLabel("コホート").SelectOptionAsync(new SelectOptionValue { Label = "fbjコホート" });
        await Assertions.Expect(page.Locator("select[name='Input.ProgramId']")).ToHaveValueAsync(programId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("select[name='Input.ClientId']")).ToHaveValueAsync(clientId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("プログラムの成果・運用に固有ですか？").SelectOptionAsync(new SelectOptionValue { Label = "はい" });
        await BrowserFixture.ScreenshotAsync(page, "60-feedback-intake");
        await page.GetByRole(AriaRole.Button, new() { Name = "報告して振り分け" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("destination")).ToHaveTextAsync("プログラム");
        var explanation = page.GetByTestId("explanation");
        await Assertions.Expect(explanation).ToContainTextAsync("決め手");
        await Assertions.Expect(explanation).ToContainTextAsync("キーワード「ニコチン」");
        await Assertions.Expect(explanation).ToContainTextAsync("プログラムの成果・運用に固有ですか？ はい");
        await Assertions.Expect(page.GetByTestId("learned")).ToContainTextAsync("プログラム");
        await BrowserFixture.ScreenshotAsync(page, "61-feedback-routed");

        await page.GetByLabel("振り分け先").SelectOptionAsync(new SelectOptionValue { Label = "クライアント" });
        await page.GetByLabel("理由（監査ログに残ります）").FillAsync("健保から配送日の改善を求められており、事業開発と一緒に回答する");
        await page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("destination")).ToHaveTextAsync("クライアント");
        await Assertions.Expect(page.GetByText("健保から配送日の改善を求められており")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "キュー：クライアント" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("queue")).ToContainTextAsync("ニコチンガムが禁煙開始日より後に届いた");
        await BrowserFixture.ScreenshotAsync(page, "62-feedback-queue");
    }
}
