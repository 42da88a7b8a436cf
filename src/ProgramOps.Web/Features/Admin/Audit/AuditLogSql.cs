using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.Web.Features.Admin.Audit;

public static class AuditLogSql
{
    /// <summary>
    /// Newest first, a page at a time by key (Id below the last one shown), so the thousandth page of a
    /// million-row log costs what the first one does.
    /// </summary>
    public static string Search(SqlDialect dialect) =>
        $"""
        SELECT Id, OccurredAt, UserName, EntityType, EntityId, Action, Summary, Changes
        FROM AuditLog
        WHERE (@EntityType IS NULL OR EntityType = @EntityType)
          AND (@EntityId IS NULL OR EntityId = @EntityId)
          AND (@UserName IS NULL OR UserName = @UserName)
          AND (@Action IS NULL OR Action = @Action)
          AND (@From IS NULL OR OccurredAt >= @From)
          AND (@Until IS NULL OR OccurredAt < @Until)
          AND (@BeforeId IS NULL OR Id < @BeforeId)
        {dialect.OrderAndPage("Id DESC")}
        """;

    public static string ForEntity(SqlDialect dialect) =>
        $"""
        SELECT Id, OccurredAt, UserName, EntityType, EntityId, Action, Summary, Changes
        FROM AuditLog
        WHERE EntityType = @EntityType AND EntityId = @EntityId
        {dialect.OrderAndPage("Id DESC")}
        """;

    public const string EntityTypes = "SELECT DISTINCT EntityType FROM AuditLog ORDER BY EntityType";
}
