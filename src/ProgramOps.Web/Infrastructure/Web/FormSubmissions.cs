namespace ProgramOps.Web.Infrastructure.Web;

public static class FormSubmissionsSql
{
    public const string Find = "SELECT EntityId FROM FormSubmissions WHERE Token = @Token AND EntityType = @EntityType";

    public const string Record =
        "INSERT INTO FormSubmissions (Token, EntityType, EntityId, CreatedAt) VALUES (@Token, @EntityType, @EntityId, @Now)";
}

/// <summary>
/// Create forms carry a token made when the form was shown. The first post with a token creates the
/// record and remembers it; a repeat (double click, browser resend) finds that record instead of
/// creating another. Both steps run inside the caller's write transaction.
/// </summary>
public static class FormSubmissions
{
    public static Task<int?> FindAsync(DbConnection connection, DbTransaction transaction, Guid token, string entityType) =>
        connection.ExecuteScalarAsync<int?>(FormSubmissionsSql.Find, new { Token = token.ToString(), EntityType = entityType }, transaction);

    public static Task RecordAsync(DbConnection connection, DbTransaction transaction, Guid token, string entityType, int entityId, DateTimeOffset now) =>
        connection.ExecuteAsync(FormSubmissionsSql.Record, new { Token = token.ToString(), EntityType = entityType, EntityId = entityId, Now = now }, transaction);
}
