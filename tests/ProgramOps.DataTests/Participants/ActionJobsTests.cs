using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Teams;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Participants;

public sealed class ActionJobsTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly LocalClock _clock = new(new FixedTime(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero)), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    public void Dispose() => _database.Dispose();

    private async Task<List<(string Kind, string Status, string Reason)>> ActionsAsync()
    {
        await using var c = await _database.Db.OpenAsync();
        return [.. await c.QueryAsync<(string, string, string)>("SELECT Kind, Status, Reason FROM CsActions ORDER BY Id")];
    }

    [Fact]
    public async Task A_team_below_its_minimum_gets_one_action_which_closes_once_the_team_is_whole_again()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "健全", "Running", new DateOnly(2026, 11, 2));
        var ids = await TestData.ParticipantsAsync(_database.Db, cohort, contract, 10, "営業部", "総務部");
        var teams = new CohortTeams(_database.Db, new AuditTrail(new HttpCurrentUser(new HttpContextAccessor()), _clock.Time), _clock.Time);
        await _database.Db.InTransactionAsync((c, t) => teams.FormAsync(c, t, cohort, "cs", null, CancellationToken.None));
        await using (var c = await _database.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET State = 'DroppedOut' WHERE Id IN (SELECT Id FROM Participants WHERE TeamId = (SELECT MIN(Id) FROM Teams) ORDER BY Id LIMIT 2)");
        }

        var job = new TeamHealthJob(_database.Db, _clock, NullLogger<TeamHealthJob>.Instance);
        Assert.Equal(1, (await job.RunAsync(CancellationToken.None)).Items);
        Assert.Equal(0, (await job.RunAsync(CancellationToken.None)).Items);
        Assert.Equal([("TeamBelowMinimum", "Open", "TeamSmall|1|3")], await ActionsAsync());

        await using (var c = await _database.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET State = 'Active' WHERE State = 'DroppedOut'");
        }

        await job.RunAsync(CancellationToken.None);
        Assert.Equal([("TeamBelowMinimum", "Resolved", "TeamSmall|1|3")], await ActionsAsync());
    }

    [Fact]
    public async Task A_contract_gets_a_renewal_action_per_milestone_for_the_BizDev_owner()
    {
        var client = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "更新健保", Kind = ClientKind.HealthInsuranceSociety, EligiblePopulation = 100 });
        var contract = await TestData.ActiveContractAsync(_database.Db, client, 50);
        await using var c = await _database.Db.OpenAsync();
        await c.ExecuteAsync("UPDATE Contracts SET EndDate = '2027-01-20' WHERE Id = @contract", new { contract });
        var job = new RenewalsJob(_database.Db, _clock, NullLogger<RenewalsJob>.Instance);

        Assert.Equal(1, (await job.RunAsync(CancellationToken.None)).Items);
        Assert.Equal(0, (await job.RunAsync(CancellationToken.None)).Items);
        Assert.Equal([("ContractRenewal", "Open", "RenewalDue|58")], await ActionsAsync());

        await c.ExecuteAsync("UPDATE Contracts SET EndDate = '2027-09-30' WHERE Id = @contract", new { contract });
        await job.RunAsync(CancellationToken.None);
        Assert.Equal("Resolved", (await ActionsAsync()).Single().Status);
    }
}
