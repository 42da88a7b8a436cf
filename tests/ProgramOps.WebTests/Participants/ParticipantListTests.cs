using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Participants;

public sealed class ParticipantListTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    [Fact]
    public async Task The_list_finds_who_last_checked_in_in_a_given_program_week_and_the_bulk_step_keeps_that_filter()
    {
        var (cohortId, contractId, _) = await EnrollingCohortAsync(factory, "週別");
        var ids = await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, 5);
        await using var c = await factory.Db.OpenAsync();
        // Week 1 is 2026-11-02 to 11-08, week 2 is 11-09 to 11-15.
        await c.ExecuteAsync("UPDATE Cohorts SET EnrolmentOpens = '2026-10-01', EnrolmentCloses = '2026-11-01', StartDate = '2026-11-02' WHERE Id = @cohortId", new { cohortId });
        await c.ExecuteAsync("UPDATE Participants SET State = 'Active', LastCheckInOn = '2026-11-08' WHERE Id = @id", new { id = ids[0] });
        await c.ExecuteAsync("UPDATE Participants SET State = 'Active', LastCheckInOn = '2026-11-09' WHERE Id = @id", new { id = ids[1] });
        await c.ExecuteAsync("UPDATE Participants SET State = 'Active', LastCheckInOn = '2026-11-15' WHERE Id = @id", new { id = ids[2] });
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var url = $"/cohorts/{cohortId}/participants";

        var secondWeek = await GetDocumentAsync(cs, $"{url}?week=2");
        var never = await GetDocumentAsync(cs, $"{url}?week=0");
        var none = await GetDocumentAsync(cs, $"{url}?week=3");

        Assert.Equal([ids[1], ids[2]], Listed(secondWeek));
        Assert.Equal([ids[3], ids[4]], Listed(never));
        Assert.Empty(Listed(none));
        Assert.NotNull(none.QuerySelector(".empty"));
        Assert.Equal("2", secondWeek.QuerySelector("#week option[selected]")!.GetAttribute("value"));

        var bulkLink = secondWeek.QuerySelector("a[href*='/participants/bulk']")!.GetAttribute("href")!;
        Assert.Contains("week=2", bulkLink);
        Assert.Equal("2", (await GetDocumentAsync(cs, bulkLink)).QuerySelector("[data-selected]")!.GetAttribute("data-selected"));
    }

    private static List<long> Listed(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("tr[data-participant]").Select(row => long.Parse(row.GetAttribute("data-participant")!, System.Globalization.CultureInfo.InvariantCulture))];
}
