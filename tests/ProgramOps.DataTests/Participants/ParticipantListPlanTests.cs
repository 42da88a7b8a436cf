using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.DataTests.Participants;

/// <summary>
/// A page of a large cohort's participant list, in any sort and direction, is read in index order: SQLite's plan has
/// no sort step over the cohort (a "temp B-tree for ORDER BY").
/// </summary>
public sealed class ParticipantListPlanTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    public static TheoryData<ParticipantSort, bool> Sorts()
    {
        var data = new TheoryData<ParticipantSort, bool>();
        foreach (var sort in Enum.GetValues<ParticipantSort>())
        {
            data.Add(sort, false);
            data.Add(sort, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Each_sort_is_served_by_an_index_of_the_cohort(ParticipantSort sort, bool descending)
    {
        await using var connection = await _database.Db.OpenAsync();

        var steps = await connection.QueryAsync("EXPLAIN QUERY PLAN " + ParticipantsSql.List(SqlDialect.For(DatabaseProvider.Sqlite), sort, descending));
        var plan = string.Join("\n", steps.Select(step => (string)step.detail));

        Assert.DoesNotContain("TEMP B-TREE FOR ORDER BY", plan, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"\bp USING (COVERING )?INDEX", plan);
    }
}
