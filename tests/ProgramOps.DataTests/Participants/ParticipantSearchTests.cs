using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Web;

namespace ProgramOps.DataTests.Participants;

/// <summary>
/// The participant list's search, on a real database: a name or its reading from its start, an employee number or
/// e-mail address whole, each through an index of the cohort, never by reading the cohort.
/// </summary>
public sealed class ParticipantSearchTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_search_finds_by_the_start_of_a_name_or_reading_and_by_a_whole_employee_number_or_e_mail()
    {
        var (cohort, ids) = await CohortWithNamedPeopleAsync();

        Assert.Equal([ids[0], ids[1]], await FoundAsync(cohort, "佐藤"));
        Assert.Equal([ids[0]], await FoundAsync(cohort, "佐藤花"));
        Assert.Equal([ids[0], ids[1]], await FoundAsync(cohort, "さとう"));
        Assert.Equal([ids[2]], await FoundAsync(cohort, "ｽｽﾞｷ"));
        Assert.Equal([ids[2]], await FoundAsync(cohort, $"T{ids[2]}"));
        Assert.Equal([ids[1]], await FoundAsync(cohort, $"p{ids[1]}@example.com"));
        Assert.Empty(await FoundAsync(cohort, "花子"));
    }

    [Fact]
    public async Task A_withdrawn_participant_is_no_longer_found_by_name()
    {
        var (cohort, ids) = await CohortWithNamedPeopleAsync();
        await using (var c = await _database.Db.OpenAsync())
            await c.ExecuteAsync(ParticipantsSql.Anonymise, new { Id = ids[0], Now = DateTimeOffset.UtcNow });

        Assert.Equal([ids[1]], await FoundAsync(cohort, "佐藤"));
    }

    [Fact]
    public async Task The_search_and_its_count_read_indexes_of_the_cohort_not_the_cohort()
    {
        await using var connection = await _database.Db.OpenAsync();

        var plan = string.Join("\n", (await connection.QueryAsync<(long, long, long, string Detail)>(
            "EXPLAIN QUERY PLAN " + ParticipantsSql.Count(ParticipantListFilters.Search))).Select(step => step.Detail));

        Assert.Contains("IX_Participants_CohortSearchName (CohortId=? AND SearchName>? AND SearchName<?)", plan);
        Assert.Contains("IX_Participants_CohortSearchKana", plan);
        Assert.Contains("IX_Participants_CohortEmail (CohortId=? AND Email=?)", plan);
        Assert.DoesNotMatch(@"SCAN (p|s)\b", plan);
    }

    /// <summary>Three named people (two 佐藤, one 鈴木) among others, their keys filled by the start-up task as for people admitted before the keys.</summary>
    private async Task<(int Cohort, IReadOnlyList<long> Ids)> CohortWithNamedPeopleAsync()
    {
        var (cohort, contract) = await TestData.CohortOfNewClientAsync(_database.Db, "検索", "Running", new DateOnly(2027, 1, 11));
        var ids = await TestData.ParticipantsAsync(_database.Db, cohort, contract, 6);
        await using (var c = await _database.Db.OpenAsync())
        {
            foreach (var (id, name, kana) in new[] { (ids[0], "佐藤 花子", "サトウ ハナコ"), (ids[1], "佐藤 一郎", "サトウ イチロウ"), (ids[2], "鈴木 花子", "スズキ ハナコ") })
                await c.ExecuteAsync("UPDATE Participants SET FullName = @name, Kana = @kana WHERE Id = @id", new { id, name, kana });
        }

        await new ParticipantSearchKeysBackfill(_database.Db).RunAsync(new StartOptions(false, false, null, []), CancellationToken.None);
        return (cohort, ids);
    }

    private async Task<List<long>> FoundAsync(int cohort, string typed)
    {
        var filter = new ParticipantFilter { Q = typed };
        await using var c = await _database.Db.OpenAsync();
        var parameters = filter.Parameters(cohort, new DateOnly(2027, 1, 11), 0, 50, personal: true);
        var found = await c.QueryAsync<long>(ParticipantsSql.List(_database.Db.Dialect, ParticipantSort.Imported, false, filter.InUse(personal: true)), parameters);
        Assert.Equal(found.Count(), await c.ExecuteScalarAsync<int>(ParticipantsSql.Count(filter.InUse(personal: true)), parameters));
        return [.. found];
    }
}
