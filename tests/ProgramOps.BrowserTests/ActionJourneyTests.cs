using Dapper;
using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

public sealed class ActionJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Cs_sees_an_at_risk_participant_appear_after_the_engagement_watch_runs_takes_the_action_and_completes_it()
    {
        var today = TokyoCalendar.Today;
        var client = await TestData.ClientAsync(fixture.App.Db, new ClientInput { Name = "北斗化学株式会社", Kind = ClientKind.Employer, EligiblePopulation = 800 });
        var contract = await TestData.ActiveContractAsync(fixture.App.Db, client, 50);
        var version = await TestData.PublishedProgramAsync(fixture.App.Db, "watch-journey");
        var cohort = await TestData.CohortAsync(fixture.App.Db, "北斗化学 第1期", version, "Running", today.AddDays(-21), (contract, 50));
        var participant = (await TestData.ParticipantsAsync(fixture.App.Db, cohort, contract, 1, "製造部"))[0];
        await using (var c = await fixture.App.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET State = 'Active', LastCheckInOn = @day WHERE Id = @participant", new { day = today.AddDays(-5), participant });
        }

        var admin = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, await fixture.App.CreateUserAsync(Roles.Admin), ProgramOpsFactory.UserPassword);
        await admin.GotoAsync($"{fixture.BaseUrl}/admin/jobs");
        admin.Dialog += (_, dialog) => dialog.AcceptAsync();
        await admin.Locator("tr[data-job='engagement-watch']").GetByRole(AriaRole.Button, new() { Name = "今すぐ実行" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".flash")).ToContainTextAsync("開始しました");

        var cs = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(cs, await fixture.App.CreateUserAsync(Roles.ProgramCS), ProgramOpsFactory.UserPassword);
        await cs.GetByRole(AriaRole.Link, new() { Name = "必要アクション" }).ClickAsync();
        var row = cs.Locator("tr[data-kind='ParticipantAtRisk']");
        for (var i = 0; i < 50 && await row.CountAsync() == 0; i++)
        {
            await Task.Delay(200);
            await cs.ReloadAsync();
        }

        await Assertions.Expect(row).ToContainTextAsync("5 日間チェックインがありません");
        await BrowserFixture.ScreenshotAsync(cs, "30-action-queue");
        await row.GetByRole(AriaRole.Button, new() { Name = "担当する" }).ClickAsync();
        await Assertions.Expect(cs.Locator(".flash")).ToContainTextAsync("担当になりました");
        await Assertions.Expect(row.Locator("[data-owner]")).ToContainTextAsync("担当：");
        await row.Locator("summary").ClickAsync();
        await row.GetByPlaceholder("対応内容").FillAsync("電話で状況を確認。明日からチェックインを再開するとのこと。");
        await row.GetByRole(AriaRole.Button, new() { Name = "完了" }).ClickAsync();
        await Assertions.Expect(cs.Locator(".flash")).ToHaveTextAsync("アクションを完了しました。");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await cs.GotoAsync($"{fixture.BaseUrl}/participants/{participant}");
        await Assertions.Expect(cs.Locator("h1 [data-state]")).ToHaveAttributeAsync("data-state", "AtRisk");
        await BrowserFixture.ScreenshotAsync(cs, "31-participant-at-risk");
    }

    [Fact]
    public async Task Taking_over_a_colleagues_action_asks_first_and_the_queue_then_shows_the_new_owner()
    {
        var today = TokyoCalendar.Today;
        var client = await TestData.ClientAsync(fixture.App.Db, new ClientInput { Name = "南風電機株式会社", Kind = ClientKind.Employer, EligiblePopulation = 300 });
        var contract = await TestData.ActiveContractAsync(fixture.App.Db, client, 20);
        var version = await TestData.PublishedProgramAsync(fixture.App.Db, "takeover-journey");
        var cohort = await TestData.CohortAsync(fixture.App.Db, "南風電機 第1期", version, "Running", today.AddDays(-14), (contract, 20));
        var participant = (await TestData.ParticipantsAsync(fixture.App.Db, cohort, contract, 1))[0];
        var colleague = await fixture.App.CreateUserAsync(Roles.ProgramCS);
        await fixture.App.Db.InTransactionAsync(async (c, t) =>
        {
            var owner = await c.ExecuteScalarAsync<int>("SELECT Id FROM Users WHERE UserName = @colleague", new { colleague }, t);
            await ProgramOps.Web.Features.Actions.CsActions.OpenManyAsync(c, t,
                [ProgramOps.Web.Features.Actions.CsActionRequest.AtRisk(participant, cohort, client, 4, today) with { OwnerId = owner }],
                "system", DateTimeOffset.UtcNow, CancellationToken.None);
        });

        var cs = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(cs, await fixture.App.CreateUserAsync(Roles.ProgramCS), ProgramOpsFactory.UserPassword);
        await cs.GotoAsync($"{fixture.BaseUrl}/actions?scope=everyone");
        var row = cs.Locator($"tr[data-kind='ParticipantAtRisk']:has(a[href='/cohorts/details/{cohort}'])");
        await Assertions.Expect(row.Locator("[data-owner]")).ToContainTextAsync($"Test {colleague}");
        string? asked = null;
        cs.Dialog += (_, dialog) => { asked = dialog.Message; _ = dialog.AcceptAsync(); };
        await row.GetByRole(AriaRole.Button, new() { Name = "引き継ぐ" }).ClickAsync();
        await Assertions.Expect(cs.Locator(".flash")).ToContainTextAsync("担当になりました");
        Assert.Contains($"Test {colleague}", asked);
        await Assertions.Expect(row.Locator("[data-owner]")).Not.ToContainTextAsync(colleague);
        await BrowserFixture.ScreenshotAsync(cs, "32-action-taken-over");
    }
}
