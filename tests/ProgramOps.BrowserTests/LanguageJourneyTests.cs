using Dapper;
using Microsoft.Playwright;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.BrowserTests;

/// <summary>
/// An administrator reads the console in Japanese, switches to English in the header and reads the same pages again: every
/// page, in each language, shows words and never one of the console's identifiers (the journeys check each step the same way).
/// </summary>
public sealed class LanguageJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_main_page_reads_in_Japanese_and_after_the_switch_in_English()
    {
        var (cohortId, contractId) = await TestData.CohortOfNewClientAsync(fixture.App.Db, "lang", "Running", DateOnly.FromDateTime(DateTime.Today).AddDays(-10));
        var people = await TestData.ParticipantsAsync(fixture.App.Db, cohortId, contractId, 6, "営業部", "開発部");
        await using var connection = await fixture.App.Db.OpenAsync();
        var (programId, clientId) = await connection.QuerySingleAsync<(int, int)>(
            "SELECT v.ProgramId, ct.ClientId FROM Cohorts c JOIN ProgramVersions v ON v.Id = c.ProgramVersionId JOIN Contracts ct ON ct.Id = @contractId WHERE c.Id = @cohortId",
            new { cohortId, contractId });
        string[] pages =
        [
            "/", "/clients", $"/clients/details/{clientId}", "/programs", $"/programs/details/{programId}", "/cohorts", $"/cohorts/details/{cohortId}",
            $"/cohorts/{cohortId}/participants", $"/participants/{people[0]}", $"/cohorts/{cohortId}/teams", "/actions", "/supplies", "/feedback",
            "/feedback/create", "/admin/routing", "/admin/users", "/admin/audit", "/admin/jobs",
        ];
        var admin = await fixture.App.CreateUserAsync(Roles.Admin);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, admin, ProgramOpsFactory.UserPassword);

        foreach (var language in new[] { "ja", "en" })
        {
            await page.GotoAsync("/");
            await page.Locator("#culture-switch").SelectOptionAsync(language);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            foreach (var url in pages)
            {
                var response = await page.GotoAsync(url);
                Assert.True(response!.Ok, $"{url} ({language}): {response.Status}");
                await BrowserFixture.AssertInWordsAsync(page, url);
            }

            await page.GotoAsync($"/programs/details/{programId}");
            await BrowserFixture.ScreenshotAsync(page, $"90-lifecycle-{language}");
        }
    }
}
