using Dapper;
using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

public sealed class CohortJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Two insurers with active contracts and a published smoking program, as BizDev and an admin would have left them.</summary>
    private async Task SeedAsync()
    {
        await using var c = await fixture.App.Db.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        var programId = await c.ExecuteScalarAsync<int>("INSERT INTO Programs (Code, CreatedAt, CreatedBy) VALUES ('smoking-12w', @now, 'seed'); SELECT last_insert_rowid();", new { now });
        await c.ExecuteAsync(
            """
            INSERT INTO ProgramVersions (ProgramId, VersionNumber, Status, Definition, PublishedAt, PublishedBy, Version, CreatedAt, UpdatedAt, UpdatedBy)
            VALUES (@programId, 1, 'Published', @Definition, @now, 'seed', 1, @now, @now, 'seed')
            """, new { programId, Definition = ProgramDefinitionJson.Serialize(ProgramTemplates.SmokingCessation), now });
        foreach (var (name, seats) in new[] { ("東和製薬健康保険組合", 60), ("北斗化学健康保険組合", 40) })
        {
            await c.ExecuteAsync(
                """
                INSERT INTO Clients (Name, Kind, Segment, EligiblePopulation, CsType, CsStyle, TouchModel, IsArchived, Version, CreatedAt, UpdatedAt, UpdatedBy)
                VALUES (@name, 'HealthInsuranceSociety', 'Enterprise', 5000, 'AccompanyRoi', 'ProjectManagement', 'High', 0, 1, @now, @now, 'seed');
                INSERT INTO Contracts (ClientId, ProgramName, Seats, PricePerSeatJpy, StartDate, EndDate, AutoRenew, Status, Version, CreatedAt, UpdatedAt, UpdatedBy)
                VALUES (last_insert_rowid(), '禁煙プログラム（3か月）', @seats, 30000, '2026-10-01', '2027-09-30', 0, 'Active', 1, @now, @now, 'seed');
                """, new { name, seats, now });
        }
    }

    [Fact]
    public async Task Program_cs_plans_a_joint_cohort_for_two_insurers_and_opens_enrolment()
    {
        await SeedAsync();
        var cs = await fixture.App.CreateUserAsync(Roles.ProgramCS);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, cs, ProgramOpsFactory.UserPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "コホート", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "コホートを計画" }).ClickAsync();
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("2027年1月 製薬健保合同コホート");
        await page.GetByLabel("募集開始日").FillAsync("2026-12-01");
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
    }
}
