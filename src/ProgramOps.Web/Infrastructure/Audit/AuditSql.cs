namespace ProgramOps.Web.Infrastructure.Audit;

public static class AuditSql
{
    public const string Insert =
        """
        INSERT INTO AuditLog (OccurredAt, UserId, UserName, EntityType, EntityId, Action, Summary, Changes)
        VALUES (@OccurredAt, @UserId, @UserName, @EntityType, @EntityId, @Action, @Summary, @Changes)
        """;
}
