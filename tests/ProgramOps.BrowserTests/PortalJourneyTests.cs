using Dapper;
using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

public sealed class PortalJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Staff_invite_an_hr_user_who_sets_a_password_follows_recruitment_downloads_the_issued_report_and_cannot_open_another_clients_cohort()
    {
        var a = await OutcomeTestCohort.CreateAsync(fixture.App.Db, "門甲", new DateOnly(2026, 6, 1));
        var b = await OutcomeTestCohort.CreateAsync(fixture.App.Db, "門乙", new DateOnly(2026, 6, 1));
        await using (var c = await fixture.App.Db.OpenAsync())
        {
            await c.ExecuteAsync(
                "INSERT INTO KeyPersons (ClientId, Name, Title, Role, Version, CreatedAt, UpdatedAt, UpdatedBy) VALUES (@ClientId, '高橋 次郎', '人事部長', 'DecisionMaker', 1, @now, @now, 'seed')",
                new { a.ClientId, now = DateTimeOffset.UtcNow });
            // The client gave its eligible population (its smokers) on the contract: participation = 28 / 400.
            await c.ExecuteAsync("UPDATE Contracts SET EligiblePopulation = 400, EligiblePopulationAsOf = '2026-05-01' WHERE ClientId = @ClientId", new { a.ClientId });
        }

        var staff = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(staff, await fixture.App.CreateUserAsync(Roles.BizDev), ProgramOpsFactory.UserPassword);
        await staff.GotoAsync($"/outcomes/{a.CohortId}/{a.ClientId}");
        await staff.GetByLabel("高橋 次郎（人事部長）").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "発行する" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".flash")).ToHaveTextAsync("第1版を発行しました。");

        await staff.GotoAsync($"/clients/details/{a.ClientId}");
        await staff.GetByRole(AriaRole.Link, new() { Name = "クライアントポータル利用者" }).ClickAsync();
        await staff.GetByLabel("メールアドレス").FillAsync("jinji@monko.example.jp");
        await staff.GetByLabel("氏名").FillAsync("人事 花子");
        await staff.GetByRole(AriaRole.Button, new() { Name = "招待する" }).ClickAsync();
        var link = await staff.Locator("[data-link]").InnerTextAsync();
        await BrowserFixture.ScreenshotAsync(staff, "70-portal-invited");

        var hr = await fixture.NewPageAsync();
        await hr.GotoAsync(new Uri(link).PathAndQuery);
        await hr.GetByLabel("新しいパスワード", new() { Exact = true }).FillAsync("sakura-lantern-river-58");
        await hr.GetByLabel("新しいパスワード（確認）").FillAsync("sakura-lantern-river-58");
        await BrowserFixture.ScreenshotAsync(hr, "71-portal-accept");
        await hr.GetByRole(AriaRole.Button, new() { Name = "パスワードを設定してログイン" }).ClickAsync();
        await Assertions.Expect(hr.Locator("h1")).ToHaveTextAsync("コホート一覧");
        await BrowserFixture.ScreenshotAsync(hr, "72-portal-home");

        await hr.GetByRole(AriaRole.Link, new() { Name = "門甲禁煙コホート" }).ClickAsync();
        // 2 of the 30 invited never enrolled: 30 beside 28 would give them away, so the invited count is hidden as in reports.
        await Assertions.Expect(hr.Locator("[data-invited]")).ToHaveTextAsync("—");
        await Assertions.Expect(hr.Locator("[data-enrolled]")).ToHaveTextAsync("28");
        await Assertions.Expect(hr.Locator("[data-participation]")).ToHaveTextAsync("7.0%");
        // The test roster's people are named "参加者 N": none of them is on the page.
        await Assertions.Expect(hr.Locator("body")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"参加者 \d"));
        await BrowserFixture.ScreenshotAsync(hr, "73-portal-cohort");
        var workbook = await hr.RunAndWaitForDownloadAsync(() => hr.Locator("[data-download=xlsx]").ClickAsync());
        Assert.EndsWith("-v1.xlsx", workbook.SuggestedFilename);
        var csv = await hr.RunAndWaitForDownloadAsync(() => hr.Locator("[data-download=csv]").ClickAsync());
        Assert.EndsWith("-v1.csv", csv.SuggestedFilename);

        var other = await hr.GotoAsync($"/portal/cohorts/{b.CohortId}");
        Assert.Equal(404, other!.Status);
        await Assertions.Expect(hr.Locator("body")).ToContainTextAsync("お探しのページは見つかりません。");
        await Assertions.Expect(hr.Locator("body")).Not.ToContainTextAsync("門乙");
        await BrowserFixture.ScreenshotAsync(hr, "74-portal-other-client-not-found");
    }
}
