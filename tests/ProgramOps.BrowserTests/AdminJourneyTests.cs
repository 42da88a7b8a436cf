using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

public sealed class AdminJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_launches_a_program_from_the_smoking_template_and_publishes_it()
    {
        var admin = await fixture.App.CreateUserAsync(Roles.Admin);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, admin, ProgramOpsFactory.UserPassword);

        await Journeys.LaunchAndPublishAsync(page, "smoking-insurers-2027", "健保合同 禁煙プログラム 2027", "Joint insurers smoking cessation 2027");

        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("v1 を公開しました。");
        await Assertions.Expect(page.Locator("tbody").First).ToContainTextAsync("公開中");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("呼気CO 10 ppm以下");
        await BrowserFixture.ScreenshotAsync(page, "11-program-published");
    }

    [Fact]
    public async Task The_program_editor_shows_the_week_rows_in_use_and_only_the_chosen_criterions_fields()
    {
        var admin = await fixture.App.CreateUserAsync(Roles.Admin);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, admin, ProgramOpsFactory.UserPassword);
        await Journeys.LaunchDraftAsync(page, "editor-rows-2027", "行の表示テスト 禁煙", "Row display test smoking");

        var milestones = page.Locator("table[data-week-rows=milestones] tbody tr:visible");
        var shipments = page.Locator("table[data-week-rows=shipments] tbody tr:visible");
        await Assertions.Expect(milestones).ToHaveCountAsync(5);
        await Assertions.Expect(shipments).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "マイルストーンを追加" }).ClickAsync();
        await Assertions.Expect(milestones).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("input[name='Form.Milestones[5].Week']")).ToBeFocusedAsync();

        var quitDayAfterKit = page.GetByLabel("初回キット到着後に禁煙開始日を設定");
        await Assertions.Expect(quitDayAfterKit).ToBeVisibleAsync();
        await page.GetByLabel("判定ルール").SelectOptionAsync("BodyChange");
        await Assertions.Expect(quitDayAfterKit).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("禁煙継続日数")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("体重減少（kg）")).ToBeVisibleAsync();
        await page.GetByLabel("判定ルール").SelectOptionAsync("Abstinence");
        await Assertions.Expect(quitDayAfterKit).ToBeVisibleAsync();
        await BrowserFixture.AssertInWordsAsync(page, "program editor");
    }

    [Fact]
    public async Task An_admin_creates_a_user_and_finds_the_write_in_the_audit_log()
    {
        var admin = await fixture.App.CreateUserAsync(Roles.Admin);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, admin, ProgramOpsFactory.UserPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "ユーザー", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ユーザーを追加" }).ClickAsync();
        await page.GetByLabel("ユーザー名").FillAsync("ito");
        await page.GetByLabel("仮パスワード").FillAsync("temporary-pass-2026");
        await page.GetByLabel("氏名").FillAsync("伊藤 さくら");
        await page.GetByLabel("プログラムCS").CheckAsync();
        await page.GetByLabel("閲覧のみ").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "作成" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("ito を作成しました。");

        await page.GetByRole(AriaRole.Link, new() { Name = "監査ログ" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.audit tbody tr").First).ToContainTextAsync("ユーザー #");
        await Assertions.Expect(page.Locator("table.audit tbody tr").First).ToContainTextAsync("ito");
        await BrowserFixture.ScreenshotAsync(page, "12-audit-log");
    }
}
