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
        new { Search = search, Kind = kind, Segment = segment, StyleBit = (int?)null, OwnerId = (int?)null, IncludeArchived = false };

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

    [Fact]
    public async Task The_name_sort_follows_the_reading_not_the_kanji_and_puts_clients_without_one_last()
    {
        await _database.Db.InTransactionAsync(async (c, t) =>
        {
            foreach (var (name, kana) in new[] { ("東京読み商事", "トウキョウヨミショウジ"), ("青森読み物産", "アオモリヨミブッサン"), ("名無し読み", null), ("大阪読み工業", "オオサカヨミコウギョウ") })
                await c.ExecuteAsync(ClientsSql.Insert, new ClientInput { Name = name, NameKana = kana }.ToParameters(DateTimeOffset.UtcNow, "test"), t);
        });

        var ascending = await ListAsync(Filter(search: "%読み%"), ClientSort.Name, false, 1);
        var descending = await ListAsync(Filter(search: "%読み%"), ClientSort.Name, true, 1);

        Assert.Equal(["青森読み物産", "大阪読み工業", "東京読み商事", "名無し読み"], ascending.Names);
        Assert.Equal(["東京読み商事", "大阪読み工業", "青森読み物産", "名無し読み"], descending.Names);
    }

    public void Dispose() => _database.Dispose();
}
