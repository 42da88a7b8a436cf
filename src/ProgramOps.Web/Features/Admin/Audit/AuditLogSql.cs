namespace ProgramOps.Web.Features.Admin.Audit;

/// <summary>
/// Newest first by Id when a record, user or action filter picks an index that ends in Id; by time when
/// only dates are given, so a wide date range walks IX_AuditLog_OccurredAt in order instead of sorting it.
/// </summary>
public enum AuditOrder
{
    ById,
    ByTime,
}

public static class AuditLogSql
{
    /// <summary>
    /// Newest first, a page at a time by key (Id below the last one shown), so the thousandth page of a
    /// million-row log costs what the first one does. Only the filters in use are in the WHERE clause:
    /// "(@X IS NULL OR X = @X)" would hide the indexes from the planner (SQLite plans before it sees the
    /// values), and a filter on a rare user, record or action would read all the rows. With plain
    /// equalities each filter walks its index (Entity, UserName, Action: each ends in Id, so the ORDER BY
    /// needs no sort). Each flag only adds a fixed condition; no user text reaches the SQL.
    /// By time, the next page continues after (@BeforeAt, @BeforeId), the last row shown; the caller also
    /// caps @Until just above @BeforeAt, so the index range itself starts at that row.
    /// </summary>
    public static string Search(SqlDialect dialect, AuditOrder order, bool byEntityType, bool byEntityId, bool byUser, bool byAction, bool byFrom, bool byUntil, bool olderThan)
    {
        var byTime = order == AuditOrder.ByTime;
        var conditions = new[]
            {
                (byEntityType, "EntityType = @EntityType"),
                (byEntityId, "EntityId = @EntityId"),
                (byUser, "UserName = @UserName"),
                (byAction, "Action = @Action"),
                (byFrom, "OccurredAt >= @From"),
                (byUntil, "OccurredAt < @Until"),
                (olderThan && !byTime, "Id < @BeforeId"),
                (olderThan && byTime, "(OccurredAt < @BeforeAt OR Id < @BeforeId)"),
            }
            .Where(c => c.Item1)
            .Select(c => c.Item2)
            .ToList();
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join("\n  AND ", conditions);
        return $"""
            SELECT Id, OccurredAt, UserName, EntityType, EntityId, Action, Summary, Changes
            FROM AuditLog
            {where}
            {dialect.OrderAndPage(byTime ? "OccurredAt DESC, Id DESC" : "Id DESC")}
            """;
    }

    public const string OccurredAtOf = "SELECT OccurredAt FROM AuditLog WHERE Id = @Id";

    public static string ForEntity(SqlDialect dialect) =>
        $"""
        SELECT Id, OccurredAt, UserName, EntityType, EntityId, Action, Summary, Changes
        FROM AuditLog
        WHERE EntityType = @EntityType AND EntityId = @EntityId
        {dialect.OrderAndPage("Id DESC")}
        """;

    public const string EntityTypes = "SELECT DISTINCT EntityType FROM AuditLog ORDER BY EntityType";
}
