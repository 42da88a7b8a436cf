using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Admin.Audit;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.DataTests.Admin;

/// <summary>
/// The audit log grows to millions of rows; each filter of the browser must walk an index in Id order
/// (no full scan, no sort), which SQLite's plan shows whatever the table's size.
/// </summary>
public sealed class AuditLogPlanTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public static TheoryData<string, bool, bool, bool, bool> SingleFilters() => new()
    {
        { "IX_AuditLog_Entity", true, true, false, false },
        { "IX_AuditLog_UserName", false, false, true, false },
        { "IX_AuditLog_Action", false, false, false, true },
    };

    [Theory]
    [MemberData(nameof(SingleFilters))]
    public async Task Each_filter_reads_its_index_in_page_order(string index, bool byEntityType, bool byEntityId, bool byUser, bool byAction)
    {
        foreach (var olderThan in new[] { false, true })
        {
            var sql = AuditLogSql.Search(SqlDialect.Sqlite, AuditOrder.ById, byEntityType, byEntityId, byUser, byAction, false, false, olderThan);

            var plan = await PlanAsync(sql);

            Assert.Contains($"USING INDEX {index}", plan);
            Assert.DoesNotContain("TEMP B-TREE", plan);
        }
    }

    [Fact]
    public async Task Unfiltered_pages_read_the_primary_key_backwards()
    {
        var plan = await PlanAsync(AuditLogSql.Search(SqlDialect.Sqlite, AuditOrder.ById, false, false, false, false, false, false, true));

        Assert.Contains("INTEGER PRIMARY KEY", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Date_only_pages_walk_the_time_index_without_sorting(bool olderThan)
    {
        var plan = await PlanAsync(AuditLogSql.Search(SqlDialect.Sqlite, AuditOrder.ByTime, false, false, false, false, true, true, olderThan));

        Assert.Contains("INDEX IX_AuditLog_OccurredAt (OccurredAt>? AND OccurredAt<?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    private async Task<string> PlanAsync(string sql)
    {
        await using var connection = await _database.Db.OpenAsync();
        var rows = await connection.QueryAsync($"EXPLAIN QUERY PLAN {sql}", new
        {
            EntityType = "Client", EntityId = "1", UserName = "someone", Action = "Disabled",
            From = DateTimeOffset.UnixEpoch, Until = DateTimeOffset.UtcNow, BeforeAt = DateTimeOffset.UtcNow,
            BeforeId = 1000L, Skip = 0, Take = 51,
        });
        return string.Join(" | ", rows.Select(r => (string)((IDictionary<string, object>)r)["detail"]));
    }

    public void Dispose() => _database.Dispose();
}
