using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

public sealed class ClientJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Bizdev_creates_a_client_with_a_key_person_and_a_contract_finds_it_and_switches_language()
    {
        await TestData.PublishedProgramAsync(fixture.App.Db, "client-journey");
        var userName = await fixture.App.CreateUserAsync(Roles.BizDev);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, userName, ProgramOpsFactory.UserPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "クライアント", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "クライアントを追加" }).ClickAsync();
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("ブラウザ製薬健康保険組合");
        await page.GetByLabel("フリガナ").FillAsync("ぶらうざせいやくけんこうほけんくみあい");
        await page.GetByLabel("種別").SelectOptionAsync("HealthInsuranceSociety");
        await page.GetByLabel("対象人数").FillAsync("8200");
        await BrowserFixture.ScreenshotAsync(page, "01-client-create");
        await page.GetByRole(AriaRole.Button, new() { Name = "作成" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ブラウザ製薬健康保険組合");
        await Assertions.Expect(page.Locator(".muted").First).ToHaveTextAsync("ブラウザセイヤクケンコウホケンクミアイ");

        await page.GetByRole(AriaRole.Link, new() { Name = "キーパーソンを追加" }).ClickAsync();
        await page.GetByLabel("氏名").FillAsync("鈴木 一郎");
        await page.GetByLabel("役職").FillAsync("常務理事");
        await page.GetByLabel("役割").SelectOptionAsync("DecisionMaker");
        await page.GetByLabel("メールアドレス").FillAsync("suzuki@example.or.jp");
        await page.GetByRole(AriaRole.Button, new() { Name = "追加" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=key-persons] table")).ToContainTextAsync("鈴木 一郎");

        var today = TokyoCalendar.Today;
        await page.GetByRole(AriaRole.Link, new() { Name = "契約を追加" }).ClickAsync();
        await page.GetByLabel("プログラム").SelectOptionAsync(new SelectOptionValue { Label = "禁煙プログラム（3か月） (client-journey)" });
        await page.GetByLabel("状態").SelectOptionAsync("Active");
        await page.GetByLabel("席数").FillAsync("120");
        await page.GetByLabel("1席単価（円）").FillAsync("30000");
        await page.GetByLabel("開始日").FillAsync(today.AddDays(-30).ToString("yyyy-MM-dd"));
        await page.GetByLabel("終了日").FillAsync(today.AddDays(60).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "追加" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1 .badge")).ToHaveTextAsync("更新時期");
        await Assertions.Expect(page.Locator("#next-renewal")).ToContainTextAsync("あと60日");
        await BrowserFixture.ScreenshotAsync(page, "02-client-details");

        await page.GetByRole(AriaRole.Link, new() { Name = "クライアント", Exact = true }).First.ClickAsync();
        await page.GetByLabel("検索").FillAsync("ブラウザセイヤク");
        await page.GetByRole(AriaRole.Button, new() { Name = "適用" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr")).ToContainTextAsync("ブラウザ製薬健康保険組合");
        await BrowserFixture.ScreenshotAsync(page, "03-client-list-ja");

        await page.GetByLabel("言語").SelectOptionAsync("en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Clients");
        await Assertions.Expect(page.Locator("tbody tr")).ToContainTextAsync("Health-insurance society");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await BrowserFixture.ScreenshotAsync(page, "04-client-list-en");
    }

    [Fact]
    public async Task The_first_administrator_is_made_to_choose_a_new_password()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, AdministratorBootstrap.AdminUserName, ProgramOpsFactory.AdminPassword);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/changepassword$"));
        await page.GetByLabel("現在のパスワード").FillAsync(ProgramOpsFactory.AdminPassword);
        await page.GetByLabel("新しいパスワード", new() { Exact = true }).FillAsync("a-brand-new-secret-42");
        await page.GetByLabel("新しいパスワード（確認）").FillAsync("a-brand-new-secret-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("パスワードを変更しました。");
        await BrowserFixture.ScreenshotAsync(page, "05-home-after-password-change");
    }
}
