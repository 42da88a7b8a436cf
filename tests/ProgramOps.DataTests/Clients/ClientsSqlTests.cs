using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Web;

namespace ProgramOps.DataTests.Clients;

/// <summary>The client list's SQL on a real SQLite file: filters, ordering and the paging window.</summary>
public sealed class ClientsSqlTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public ClientsSqlTests()
    {
        var db = _database.Db;
        db.InTransactionAsync(async (c, t) =>
        {
            for (var i = 1; i <= 60; i++)
            {
                var input = new ClientInput
                {
                    Name = $"会社{i:000}",
                    Kind = i % 3 == 0 ? ClientKind.HealthInsuranceSociety : ClientKind.Employer,
                    Segment = i % 2 == 0 ? ClientSegment.Smb : ClientSegment.Enterprise,
                    EligiblePopulation = 61 - i,
                };
                await c.ExecuteAsync(ClientsSql.Insert, input.ToParameters(DateTimeOffset.UtcNow, "test"), t);
            }
        }).GetAwaiter().GetResult();
    }

    private async Task<(int Total, List<string> Names)> ListAsync(object filter, ClientSort sort, bool descending, int page)
    {
        await using var connection = await _database.Db.OpenAsync();
        var parameters = new DynamicParameters(filter);
        parameters.AddDynamicParams(new { Skip = Paging.Skip(page, 25), Take = 25 });
        var total = await connection.ExecuteScalarAsync<int>(ClientsSql.Count, parameters);
        var names = await connection.QueryAsync<string>(
            $"SELECT Name FROM ({ClientsSql.List(_database.Db.Dialect, sort, descending)}) AS listed", parameters);
        return (total, names.ToList());
    }

    private static object Filter(string? search = null, string? kind = null, string? segment = null) =>
        new { Search = search, Kind = kind, Segment = segment, OwnerId = (int?)null, IncludeArchived = false };

    [Fact]
    public async Task Pages_are_windows_of_the_sorted_list()
    {
        var third = await ListAsync(Filter(), ClientSort.Name, descending: false, page: 3);

        Assert.Equal(60, third.Total);
        Assert.Equal(Enumerable.Range(51, 10).Select(i => $"会社{i:000}"), third.Names);
    }

    [Fact]
    public async Task Population_sort_descending_puts_the_largest_first()
    {
        var first = await ListAsync(Filter(), ClientSort.Population, descending: true, page: 1);

        Assert.Equal("会社001", first.Names[0]);
    }

    [Fact]
    public async Task Filters_combine()
    {
        var insurersOnSmb = await ListAsync(Filter(kind: "HealthInsuranceSociety", segment: "Smb"), ClientSort.Name, false, 1);

        Assert.Equal(10, insurersOnSmb.Total);
        Assert.All(insurersOnSmb.Names, name => Assert.Equal(0, int.Parse(name[2..]) % 6));
    }

    [Fact]
    public async Task Search_matches_part_of_the_name()
    {
        var result = await ListAsync(Filter(search: "%05%"), ClientSort.Name, false, 1);

        Assert.Equal(["会社005", "会社050", "会社051", "会社052", "会社053", "会社054", "会社055", "会社056", "会社057", "会社058", "会社059"], result.Names);
    }

    public void Dispose() => _database.Dispose();
}
