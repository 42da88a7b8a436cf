using Dapper;
using Microsoft.AspNetCore.Http;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Participants;
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
    public async Task Late_joiners_fill_the_teams_with_room_and_the_rest_form_new_teams_of_at_most_five()
    {
        var (cohortId, contractId) = await CohortAsync();
        await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 23, "営業部", "総務部");
        await FormAsync(cohortId);
        await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 9, "開発部");

        var result = await FormAsync(cohortId);

        // 2 seats were free up to the maximum of 5; the 7 left over cannot make teams of 4–5, so they make 4 and 3.
        Assert.Equal((2, 9), (result.TeamsCreated, result.Placed));
        Assert.Equal([5, 5, 5, 5, 5, 4, 3], (await SizesAsync(cohortId)).Select(s => s.Members).OrderDescending());
    }

    // Issue 18: the cohort is read into one small struct per person, departments once each; the teams stored must be the
    // pure deal's over the same people, team i numbered i + 1.
    [Fact]
    public async Task The_teams_stored_are_the_pure_deal_over_the_people_read()
    {
        var (cohortId, contractId) = await CohortAsync();
        await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 97, "営業部", " 営業部 ", "総務部", "EIGYO", "eigyo", "開発部", "  ");
        await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 6);

        await FormAsync(cohortId);

        await AssertPlacedAsThePureDealSaysAsync(cohortId);
    }

    [Fact]
    public async Task A_cohort_of_more_placements_than_one_statement_writes_is_placed_whole_as_the_pure_deal_says()
    {
        var (cohortId, contractId) = await CohortAsync();
        await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, (TeamAssignment.PlacementsPerStatement * 2) + 321, "営業部", "総務部", "開発部");

        await FormAsync(cohortId);

        var people = await AssertPlacedAsThePureDealSaysAsync(cohortId);
        Assert.All(people, p => Assert.Equal(2, p.Version));
    }

    private async Task<List<(long Id, int? Team, string? Department, int Version)>> AssertPlacedAsThePureDealSaysAsync(int cohortId)
    {
        var people = await ParticipantsAsync(cohortId);
        var dealt = TeamFormation.Form(people.Select(p => new TeamCandidate(p.Id, p.Department, JoinedLate: false)), TeamSizeRule.SmokingProgram);
        Assert.Equal(
            dealt.SelectMany((team, i) => team.Select(p => (p.ParticipantId, Team: (int?)(i + 1)))).OrderBy(p => p.ParticipantId),
            people.Select(p => (ParticipantId: p.Id, p.Team)));
        return people;
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

    private async Task SetStateAsync(string state, IEnumerable<long> ids)
    {
        await using var c = await _database.Db.OpenAsync();
        await c.ExecuteAsync("UPDATE Participants SET State = @state WHERE Id IN @ids", new { state, ids });
    }

    private async Task<int> OtherCohortAsync(int cohortId, int contractId)
    {
        await using var c = await _database.Db.OpenAsync();
        var version = await c.ExecuteScalarAsync<int>("SELECT ProgramVersionId FROM Cohorts WHERE Id = @cohortId", new { cohortId });
        return await TestData.CohortAsync(_database.Db, "別のコホート", version, "Enrolling", new DateOnly(2027, 4, 5), (contractId, 10));
    }

    private async Task<List<(long Id, int? Team, string? Department, int Version)>> ParticipantsAsync(int cohortId)
    {
        await using var c = await _database.Db.OpenAsync();
        return [.. await c.QueryAsync<(long, int?, string?, int)>(
            "SELECT p.Id, t.Number, p.Department, p.Version FROM Participants p LEFT JOIN Teams t ON t.Id = p.TeamId WHERE p.CohortId = @cohortId ORDER BY p.Id",
            new { cohortId })];
    }

    [Fact]
    public async Task Only_people_taking_part_are_placed_each_change_bumps_their_version_and_one_audit_entry_counts_the_operation()
    {
        var (cohortId, contractId) = await CohortAsync();
        var ids = await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 14, "営業部", "総務部");
        await SetStateAsync("Declined", ids.Take(2));
        await SetStateAsync("Withdrawn", ids.Skip(2).Take(1));
        await SetStateAsync("Active", ids.Skip(3).Take(5));
        var otherCohort = await OtherCohortAsync(cohortId, contractId);
        await TestData.ParticipantsAsync(_database.Db, otherCohort, contractId, 5, "営業部");

        var result = await FormAsync(cohortId);

        var people = await ParticipantsAsync(cohortId);
        Assert.Equal((3, 11), (result.TeamsCreated, result.Placed));
        Assert.All(people.Take(3), p => Assert.Equal((null, 1), (p.Team, p.Version)));
        Assert.All(people.Skip(3), p => Assert.Equal(2, p.Version));
        Assert.Equal([3, 4, 4], people.Where(p => p.Team is not null).GroupBy(p => p.Team).Select(g => g.Count()).Order());
        Assert.All(await ParticipantsAsync(otherCohort), p => Assert.Null(p.Team));
        await using var c = await _database.Db.OpenAsync();
        var audit = await c.QuerySingleAsync<(string EntityId, string Summary, string UserName)>(
            "SELECT EntityId, Summary, UserName FROM AuditLog WHERE Action IN ('TeamsFormed', 'TeamsAdjusted')");
        Assert.Equal(cohortId.ToString(), audit.EntityId);
        Assert.Equal(["3", "11"], ProgramOps.Web.Infrastructure.Text.CodedText.Decode(audit.Summary)!.Args.Skip(1).Take(2));
        Assert.Equal("cs1", audit.UserName);
        Assert.Equal("cs1", await c.ExecuteScalarAsync<string>("SELECT DISTINCT UpdatedBy FROM Participants WHERE CohortId = @cohortId AND TeamId IS NOT NULL", new { cohortId }));
    }

    [Fact]
    public async Task A_late_joiner_joins_a_team_without_a_colleague_and_not_a_team_emptied_by_a_merge()
    {
        var (cohortId, contractId) = await CohortAsync();
        // 17 people in teams of 5, 4, 4 and 4; two departments in turn, so every team has both.
        var ids = await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 17, "営業部", "総務部");
        await FormAsync(cohortId);
        var before = await ParticipantsAsync(cohortId);
        // Team 1 loses three of its five: its two remaining members are merged into two of the teams of four.
        await SetStateAsync("DroppedOut", before.Where(p => p.Team == 1).Select(p => p.Id).Take(3));
        var merged = await FormAsync(cohortId);
        Assert.Equal(2, merged.Moved);

        await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 1, "開発部");
        var late = await FormAsync(cohortId);

        var after = await ParticipantsAsync(cohortId);
        Assert.Equal((0, 1, 0), (late.TeamsCreated, late.Placed, late.Moved));
        Assert.NotEqual(1, after[^1].Team);
        Assert.Equal([(1, 0), (2, 5), (3, 5), (4, 5)], await SizesAsync(cohortId));
        Assert.Equal(ids.Count + 1, after.Count);
    }

    [Fact]
    public async Task After_late_joiners_and_a_rebalance_running_it_again_writes_nothing()
    {
        var (cohortId, contractId) = await CohortAsync();
        var ids = await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 40, "営業部", "総務部", "開発部", "製造部");
        await FormAsync(cohortId);
        await SetStateAsync("Withdrawn", ids.Where((_, i) => i % 4 == 1));
        await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 7, "人事部");
        var adjusted = await FormAsync(cohortId);
        var before = await ParticipantsAsync(cohortId);

        var again = await FormAsync(cohortId);

        Assert.True(adjusted.ChangedAnything);
        Assert.False(again.ChangedAnything);
        Assert.Equal(before, await ParticipantsAsync(cohortId));
        Assert.DoesNotContain(await SizesAsync(cohortId), s => s.Members is > 0 and < 4);
        await using var c = await _database.Db.OpenAsync();
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action IN ('TeamsFormed', 'TeamsAdjusted')"));
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_no_team_and_nobody_placed()
    {
        var (cohortId, contractId) = await CohortAsync();
        await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 10, "営業部");

        await Assert.ThrowsAsync<InvalidOperationException>(() => _database.Db.InTransactionAsync(async (c, t) =>
        {
            await Teams().FormAsync(c, t, cohortId, "cs1", null, CancellationToken.None);
            throw new InvalidOperationException("the cohort start failed after the teams were formed");
        }));

        Assert.Empty(await SizesAsync(cohortId));
        Assert.All(await ParticipantsAsync(cohortId), p => Assert.Equal((null, 1), (p.Team, p.Version)));
    }

    [Fact]
    public async Task Two_formations_at_once_make_one_set_of_teams()
    {
        var (cohortId, contractId) = await CohortAsync();
        await TestData.ParticipantsAsync(_database.Db, cohortId, contractId, 23, "営業部", "総務部");

        var results = await Task.WhenAll(Task.Run(() => FormAsync(cohortId)), Task.Run(() => FormAsync(cohortId)));

        Assert.Equal([0, 5], results.Select(r => r.TeamsCreated).Order());
        Assert.Equal([5, 5, 5, 4, 4], (await SizesAsync(cohortId)).Select(s => s.Members));
    }
}
