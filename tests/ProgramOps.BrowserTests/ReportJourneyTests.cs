using System.Diagnostics;
using Dapper;
using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

public sealed class ReportJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task BizDev_previews_the_japanese_report_of_a_completed_cohort_issues_it_downloads_pdf_and_workbook_and_the_cohort_is_reported()
    {
        var cohort = await OutcomeTestCohort.CreateAsync(fixture.App.Db, "旅程", new DateOnly(2026, 6, 1));
        await using (var c = await fixture.App.Db.OpenAsync())
        {
            await c.ExecuteAsync(
                "INSERT INTO KeyPersons (ClientId, Name, Title, Role, Version, CreatedAt, UpdatedAt, UpdatedBy) VALUES (@ClientId, '佐藤 一郎', '常務理事', 'DecisionMaker', 1, @now, @now, 'seed')",
                new { cohort.ClientId, now = DateTimeOffset.UtcNow });
        }

        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, await fixture.App.CreateUserAsync(Roles.BizDev), ProgramOpsFactory.UserPassword);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインナビゲーション" }).GetByRole(AriaRole.Link, new() { Name = "レポート" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("コホート横断レポート");
        await page.SelectOptionAsync("#clientId", cohort.ClientId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "表示" }).ClickAsync();
        await Assertions.Expect(page.Locator($"table[data-testid=portfolio] tr[data-cohort='{cohort.CohortId}'] [data-figure=itt]")).ToContainTextAsync("%");
        await page.Locator($"table[data-testid=portfolio] tr[data-cohort='{cohort.CohortId}'] a[href='/outcomes/{cohort.CohortId}/{cohort.ClientId}']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("成果レポート");

        var reportUrl = page.Url;
        await page.GotoAsync($"/outcomes/{cohort.CohortId}/{cohort.ClientId}/preview");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("プログラム成果レポート");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("42.9% (12/28; 95%信頼区間");
        await BrowserFixture.ScreenshotAsync(page, "40-report-preview");
        await page.GotoAsync(reportUrl);

        await page.GetByLabel("佐藤 一郎（常務理事）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "発行する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("第1版を発行しました。");
        await BrowserFixture.ScreenshotAsync(page, "41-report-issued");

        // The first download prints the PDF with chromium, which takes a while on a busy machine: the click waits for the
        // answer as long as the download does (its own 30 s default cut a busy run short).
        var pdf = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "PDF" }).ClickAsync(new() { Timeout = 120_000 }), new() { Timeout = 120_000 });
        var pdfPath = Path.Combine(BrowserFixture.ScreenshotFolder, "42-report.pdf");
        await pdf.SaveAsAsync(pdfPath);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(pdfPath))[..4]));
        var workbook = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", workbook.SuggestedFilename);
        RenderFirstPage(pdfPath, Path.Combine(BrowserFixture.ScreenshotFolder, "42-report-pdf-page1"));
        File.Delete(pdfPath);

        var cs = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(cs, await fixture.App.CreateUserAsync(Roles.ProgramCS), ProgramOpsFactory.UserPassword);
        await cs.GotoAsync($"/cohorts/details/{cohort.CohortId}");
        cs.Dialog += (_, dialog) => dialog.AcceptAsync();
        await cs.GetByRole(AriaRole.Button, new() { Name = "報告済みにする" }).ClickAsync();
        await Assertions.Expect(cs.Locator("h1 .badge")).ToHaveTextAsync("報告済み");
    }

    /// <summary>The PDF's first page as a PNG beside the screenshots (poppler's pdftoppm).</summary>
    private static void RenderFirstPage(string pdf, string pngWithoutExtension)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, pngWithoutExtension]))!;
        process.WaitForExit(30_000);
        Assert.Equal(0, process.ExitCode);
        Assert.True(File.Exists(pngWithoutExtension + ".png"));
    }
}
