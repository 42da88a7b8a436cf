using Dapper;
using Microsoft.AspNetCore.Http;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Contracts;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.DataTests.Clients;

/// <summary>Contracts written before they referred to a program find it by name; the rest are left for a person.</summary>
public sealed class ContractProgramMatchingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private ContractProgramMatching Matching() =>
        new(_database.Db, new AuditTrail(new HttpCurrentUser(new HttpContextAccessor()), new FixedTime(Now)), new FixedTime(Now));

    [Fact]
    public async Task Names_differing_in_width_spaces_or_case_are_matched_audited_and_the_rest_flagged()
    {
        var version = await TestData.PublishedProgramAsync(_database.Db, "smoking-12w");
        var client = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "照合商事" });
        var halfWidth = await TestData.ActiveContractAsync(_database.Db, client, 10, programName: "禁煙プログラム(3か月)");
        var fullWidthDigit = await TestData.ActiveContractAsync(_database.Db, client, 10, programName: "  禁煙プログラム（３か月） ");
        var byCode = await TestData.ActiveContractAsync(_database.Db, client, 10, programName: "SMOKING-12W");
        var english = await TestData.ActiveContractAsync(_database.Db, client, 10, programName: "smoking cessation (3 months)");
        var unknown = await TestData.ActiveContractAsync(_database.Db, client, 10, programName: "卒煙チャレンジ（健保共同実施）");

        var matched = await Matching().MatchAsync(CancellationToken.None);
        var again = await Matching().MatchAsync(CancellationToken.None);

        Assert.Equal(4, matched);
        Assert.Equal(0, again);
        await using var c = await _database.Db.OpenAsync();
        var program = await c.ExecuteScalarAsync<int>("SELECT ProgramId FROM ProgramVersions WHERE Id = @version", new { version });
        var programs = (await c.QueryAsync<(long Id, long? ProgramId, string ProgramName)>("SELECT Id, ProgramId, ProgramName FROM Contracts ORDER BY Id"))
            .ToDictionary(r => (int)r.Id);
        Assert.All(new[] { halfWidth, fullWidthDigit, byCode, english }, id => Assert.Equal(program, programs[id].ProgramId));
        Assert.Null(programs[unknown].ProgramId);
        // The name the contract was written with is kept.
        Assert.Equal("SMOKING-12W", programs[byCode].ProgramName);
        Assert.Equal(4, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'ContractProgramMatched' AND EntityId = @id", new { id = client.ToString() }));
        Assert.Equal([unknown], (await c.QueryAsync<long>(ContractsSql.WithoutProgram.Replace("SELECT Id, ClientId, ProgramName", "SELECT Id"))).Select(i => (int)i));
    }

    [Fact]
    public async Task A_contract_with_a_chosen_program_is_never_rematched()
    {
        var smoking = await TestData.PublishedProgramAsync(_database.Db, "smoking-a");
        var client = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "選択済み商事" });
        var chosen = await TestData.ActiveContractAsync(_database.Db, client, 10, smoking, programName: "SMOKING-B");
        await TestData.PublishedProgramAsync(_database.Db, "smoking-b");

        Assert.Equal(0, await Matching().MatchAsync(CancellationToken.None));
        await using var c = await _database.Db.OpenAsync();
        Assert.Equal(await c.ExecuteScalarAsync<int>("SELECT ProgramId FROM ProgramVersions WHERE Id = @smoking", new { smoking }),
            await c.ExecuteScalarAsync<int>("SELECT ProgramId FROM Contracts WHERE Id = @chosen", new { chosen }));
    }
}
