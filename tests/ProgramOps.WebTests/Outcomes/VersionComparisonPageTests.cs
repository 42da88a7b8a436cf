using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Outcomes;

/// <summary>Two versions of one program compared: OutcomeTestCohort's cohort on v1 (ITT 12/28) and a second one on v2 where two more quit (14/28).</summary>
public sealed class VersionComparisonPageTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<int> ProgramWithTwoVersionsAsync(string tag)
    {
        var first = await OutcomeTestCohort.CreateAsync(factory.Db, $"{tag}1", new DateOnly(2026, 3, 2));
        var second = await OutcomeTestCohort.CreateAsync(factory.Db, $"{tag}2", new DateOnly(2026, 6, 1));
        await using var c = await factory.Db.OpenAsync();
        var programId = await c.ExecuteScalarAsync<int>("SELECT v.ProgramId FROM Cohorts co JOIN ProgramVersions v ON v.Id = co.ProgramVersionId WHERE co.Id = @CohortId", new { first.CohortId });
        // The second cohort's program version becomes v2 of the first's program.
        await c.ExecuteAsync("UPDATE ProgramVersions SET ProgramId = @programId, VersionNumber = 2 WHERE Id = (SELECT ProgramVersionId FROM Cohorts WHERE Id = @CohortId)",
            new { programId, second.CohortId });
        await c.ExecuteAsync(
            """
            UPDATE Participants SET Outcome = 'Succeeded'
            WHERE Id IN (SELECT Id FROM Participants WHERE CohortId = @CohortId AND Outcome = 'NotSucceeded' ORDER BY Id DESC LIMIT 2)
            """, new { second.CohortId });
        return programId;
    }

    private static string[] Cells(AngleSharp.Dom.IDocument page, string figure) =>
        [.. page.QuerySelectorAll($"[data-testid=version-outcomes] tr[data-figure={figure}] td").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task Staff_see_both_versions_ITT_rates_with_intervals_and_their_difference_with_every_definition_in_Japanese_and_English()
    {
        var programId = await ProgramWithTwoVersionsAsync("版比較");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var program = await GetDocumentAsync(cs, $"/programs/details/{programId}");
        Assert.Equal($"/outcomes/versions/{programId}", program.QuerySelector("[data-testid=compare-version-outcomes]")!.GetAttribute("href"));

        var page = await GetDocumentAsync(cs, $"/outcomes/versions/{programId}");
        Assert.Equal(["1", "1", ""], Cells(page, "cohorts"));
        Assert.Equal(["28", "28", ""], Cells(page, "enrolled"));
        Assert.Equal(["20", "20", ""], Cells(page, "completed"));
        var itt = Cells(page, "itt");
        Assert.StartsWith("50.0%", itt[0]);
        Assert.Contains("14/28", itt[0]);
        Assert.StartsWith("42.9%", itt[1]);
        Assert.Contains("95%信頼区間", itt[1]);
        var expected = ProgramOps.Web.Features.Funnel.RateDifference.Between(new(14, 28), new(12, 28))!;
        Assert.Contains($"+{expected.Difference * 100:0.0}ポイント", itt[2]);
        Assert.Contains($"{expected.Lower * 100:+0.0;−0.0}〜", itt[2].Replace(" ", ""), StringComparison.Ordinal);
        var definitions = page.QuerySelector("[data-testid=version-definitions]")!.TextContent;
        Assert.Contains("Newcombe", definitions);
        Assert.Contains("Wilson", definitions);
        Assert.Contains("5人未満", definitions);
        Assert.DoesNotContain("Versions.", page.Body!.TextContent);

        var english = await GetDocumentAsync(cs, $"/outcomes/versions/{programId}?first=1&second=2&culture=en&ui-culture=en");
        Assert.StartsWith("42.9%", Cells(english, "itt")[0]);
        Assert.Contains($"{-expected.Difference * 100:0.0} pt", Cells(english, "itt")[2].Replace("−", "-"));
        Assert.Contains("Newcombe's hybrid score 95% interval", english.QuerySelector("[data-testid=version-definitions]")!.TextContent);
    }

    [Fact]
    public async Task The_same_version_twice_is_refused_naming_the_field_and_a_program_of_one_version_has_nothing_to_compare()
    {
        var programId = await ProgramWithTwoVersionsAsync("版比較同");
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var same = await GetDocumentAsync(cs, $"/outcomes/versions/{programId}?first=2&second=2");
        Assert.Contains("バージョンB：バージョンAとは別のバージョンを選んでください。", same.QuerySelector(".error-summary")!.TextContent);
        Assert.Null(same.QuerySelector("[data-testid=version-outcomes]"));

        var single = await OutcomeTestCohort.CreateAsync(factory.Db, "版比較単", new DateOnly(2026, 3, 2));
        await using var c = await factory.Db.OpenAsync();
        var singleProgram = await c.ExecuteScalarAsync<int>("SELECT v.ProgramId FROM Cohorts co JOIN ProgramVersions v ON v.Id = co.ProgramVersionId WHERE co.Id = @CohortId", new { single.CohortId });
        Assert.NotNull((await GetDocumentAsync(cs, $"/outcomes/versions/{singleProgram}")).QuerySelector("[data-testid=versions-too-few]"));
        Assert.Null((await GetDocumentAsync(cs, $"/programs/details/{singleProgram}")).QuerySelector("[data-testid=compare-version-outcomes]"));
    }

    [Fact]
    public async Task Viewers_may_not_open_the_comparison_and_are_not_offered_it()
    {
        var programId = await ProgramWithTwoVersionsAsync("版比較閲覧");
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        Assert.NotEqual(HttpStatusCode.OK, (await viewer.GetAsync($"/outcomes/versions/{programId}")).StatusCode);
        Assert.Null((await GetDocumentAsync(viewer, $"/programs/details/{programId}")).QuerySelector("[data-testid=compare-version-outcomes]"));
    }
}
