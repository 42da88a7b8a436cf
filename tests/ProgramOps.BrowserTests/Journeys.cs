using Microsoft.Playwright;

namespace ProgramOps.BrowserTests;

/// <summary>Steps several journeys walk through the same way.</summary>
internal static class Journeys
{
    /// <summary>Launches a program from the smoking template and opens its draft in the editor.</summary>
    public static async Task LaunchDraftAsync(IPage page, string code, string nameJa, string nameEn)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "プログラム", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "プログラムを立ち上げる" }).ClickAsync();
        await page.GetByLabel("コード").FillAsync(code);
        await page.GetByLabel("名称（日本語）").FillAsync(nameJa);
        await page.GetByLabel("名称（英語）").FillAsync(nameEn);
        await page.GetByRole(AriaRole.Button, new() { Name = "下書きを作成" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "下書きを編集" }).ClickAsync();
    }

    /// <summary>The guided launch: clone the smoking template, verify abstinence by breath CO, publish.</summary>
    public static async Task LaunchAndPublishAsync(IPage page, string code, string nameJa, string nameEn)
    {
        await LaunchDraftAsync(page, code, nameJa, nameEn);

        // Only the chosen success criterion's fields show, the CO limit once CO is checked.
        await Assertions.Expect(page.GetByLabel("体重減少（kg）")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("呼気CO上限（ppm）")).ToBeHiddenAsync();
        await page.GetByLabel("呼気COで確認する").CheckAsync();
        await Assertions.Expect(page.GetByLabel("呼気CO上限（ppm）")).ToBeVisibleAsync();
        await page.GetByLabel("呼気CO上限（ppm）").FillAsync("10");
        await BrowserFixture.ScreenshotAsync(page, "10-program-draft");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "公開する" }).ClickAsync();
    }
}
