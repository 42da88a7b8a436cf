using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.DataTests.Outcomes;

/// <summary>A version's outcome over more cohorts than one read of the report's groups takes (<c>OutcomeReports.MaxCohortsPerRead</c>).</summary>
public sealed class VersionOutcomesTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Every_cohort_of_a_version_counts_when_they_take_more_than_one_read()
    {
        const int cohorts = 501;
        var db = _database.Db;
        var client = await TestData.ClientAsync(db, new ClientInput { Name = "多数コホート商事", Kind = ClientKind.Employer, EligiblePopulation = 2_000 });
        var contract = await TestData.ActiveContractAsync(db, client, 1_000);
        var version = await TestData.PublishedProgramAsync(db, "many-cohorts");
        var start = new DateOnly(2026, 1, 5);
        for (var i = 0; i < cohorts; i++)
        {
            var cohort = await TestData.CohortAsync(db, $"多数 {i + 1}", version, "Completed", start, (contract, 2));
            await TestData.ParticipantsAsync(db, cohort, contract, 2);
        }

        await using (var c = await db.OpenAsync())
        {
            // Each cohort's first participant quit, the second did not: 501 of 1,002.
            await c.ExecuteAsync("""
                UPDATE Participants SET State = 'Completed', StateChangedAt = '2026-03-30T03:00:00+00:00',
                       Outcome = CASE WHEN Id % 2 = 1 THEN 'Succeeded' ELSE 'NotSucceeded' END
                """);
        }

        var outcome = await new VersionOutcomes(db).ReadAsync(version, ProgramTemplates.SmokingCessation, CancellationToken.None);

        Assert.Equal(cohorts, outcome.Cohorts);
        Assert.Equal(2 * cohorts, outcome.Enrolled);
        Assert.Equal(2 * cohorts, outcome.Completed);
        Assert.Equal((cohorts, 2 * cohorts), (outcome.Itt!.Count, outcome.Itt.Total));
    }
}
