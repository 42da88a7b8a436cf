using Dapper;
using Microsoft.AspNetCore.Http;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Teams;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.DataTests.Teams;

public sealed class CohortTeamsTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private CohortTeams Teams() => new(_database.Db, new AuditTrail(new HttpCurrentUser(new HttpContextAccessor()), TimeProvider.System), TimeProvider.System);

    private async Task<(int CohortId, int ContractId)> CohortAsync()
    {
        var client = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "チーム商事", Kind = ClientKind.Employer, EligiblePopulation = 1000 });
        var contract = await TestData.ActiveContractAsync(_database.Db, client, 500);
        var version = await TestData.PublishedProgramAsync(_database.Db, "teams-smoking");
        return (await TestData.CohortAsync(_database.Db, "チーム編成コホート", version, "Enrolling", new DateOnly(2027, 1, 11), (contract, 500)), contract);
    }

    private Task<TeamFormationResult> FormAsync(int cohortId) =>
        _database.Db.InTransactionAsync((c, t) => Teams().FormAsync(c, t, cohortId, "cs1", null, CancellationToken.None));

    private async Task<List<(int Number, int Members)>> SizesAsync(int cohortId)
    {
        await using var c = await _database.Db.OpenAsync();
        return [.. await c.QueryAsync<(int, int)>(
            """
            SELECT t.Number, COUNT(p.Id) FROM Teams t
            LEFT JOIN Participants p ON p.TeamId = t.Id AND p.State IN ('Invited', 'Enrolled', 'Onboarding', 'Active', 'AtRisk')
            WHERE t.CohortId = @cohortId GROUP BY t.Number ORDER BY t.Number
            """, new { cohortId })];
    }

    [Fact]
    public async Task Twenty_three_people_form_teams_of_five_five_five_four_four_and_forming_again_changes_nothing()
    {
        var (cohortId, contractId) = await CohortAsync();
        await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 23, "営業部", "総務部", "開発部");

        var first = await FormAsync(cohortId);
        var again = await FormAsync(cohortId);

        Assert.Equal((5, 23, 0), (first.TeamsCreated, first.Placed, first.Moved));
        Assert.Equal([5, 5, 5, 4, 4], (await SizesAsync(cohortId)).Select(s => s.Members));
        Assert.False(again.ChangedAnything);
        await using var c = await _database.Db.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'TeamsFormed'"));
    }

    [Fact]
    public async Task Late_joiners_fill_the_teams_with_room_and_too_few_for_a_new_team_join_the_smallest()
    {
        var (cohortId, contractId) = await CohortAsync();
        await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 23, "営業部", "総務部");
        await FormAsync(cohortId);
        await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 9, "開発部");

        var result = await FormAsync(cohortId);

        // 7 seats were free up to the maximum of 6; the 2 left over are too few for a team of their own.
        Assert.Equal((0, 9), (result.TeamsCreated, result.Placed));
        Assert.Equal([7, 7, 6, 6, 6], (await SizesAsync(cohortId)).Select(s => s.Members).OrderDescending());
    }

    [Fact]
    public async Task A_team_shrunk_by_withdrawals_is_refilled_or_merged()
    {
        var (cohortId, contractId) = await CohortAsync();
        var ids = await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 12, "営業部", "総務部", "開発部");
        await FormAsync(cohortId);
        await using (var c = await _database.Db.OpenAsync())
        {
            var firstTeam = await c.ExecuteScalarAsync<int>("SELECT Id FROM Teams WHERE CohortId = @cohortId AND Number = 1", new { cohortId });
            await c.ExecuteAsync(
                "UPDATE Participants SET State = 'Withdrawn' WHERE Id IN (SELECT Id FROM Participants WHERE TeamId = @firstTeam ORDER BY Id LIMIT 3)", new { firstTeam });
        }

        var result = await FormAsync(cohortId);

        Assert.True(result.Moved > 0);
        Assert.DoesNotContain(await SizesAsync(cohortId), s => s.Members is > 0 and < 4);
    }
}
