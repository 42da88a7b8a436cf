using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.DataTests.Participants;

/// <summary>
/// A page of a large cohort's participant list, in any sort and direction, is found in index order: SQLite's plan has
/// no sort step over the cohort (a "temp B-tree for ORDER BY"), only over the page's own rows once they are read.
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

    [Fact]
    public async Task A_filter_in_use_is_served_by_its_index_and_a_filter_not_in_use_costs_nothing()
    {
        await using var connection = await _database.Db.OpenAsync();

        var plan = string.Join("\n", (await connection.QueryAsync<(long, long, long, string Detail)>(
            "EXPLAIN QUERY PLAN " + ParticipantsSql.Count(ParticipantListFilters.State))).Select(step => step.Detail));

        Assert.Contains("IX_Participants_CohortState (CohortId=? AND State=?)", plan);
        Assert.DoesNotContain("@ClientId", ParticipantsSql.Count(ParticipantListFilters.State));
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Each_sort_is_served_by_an_index_of_the_cohort(ParticipantSort sort, bool descending)
    {
        await using var connection = await _database.Db.OpenAsync();

        var steps = (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + ParticipantsSql.List(SqlDialect.Sqlite, sort, descending, ParticipantListFilters.None))).ToList();
        var sorts = steps.Where(step => step.Detail.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.All(sorts, step => Assert.Equal(0, step.Parent));
        Assert.Contains(steps, step => step.Parent != 0 && System.Text.RegularExpressions.Regex.IsMatch(step.Detail, @"\bp USING (COVERING )?INDEX"));
    }
}
