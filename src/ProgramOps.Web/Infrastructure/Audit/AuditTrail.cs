namespace ProgramOps.Web.Infrastructure.Audit;

public sealed record AuditEntry(
    string EntityType,
    string EntityId,
    string Action,
    string? Summary = null,
    IReadOnlyDictionary<string, FieldChange>? Changes = null);

/// <summary>
/// Writes audit rows inside the caller's transaction, so a write and its audit record commit or roll
/// back together.
/// </summary>
public sealed class AuditTrail(ICurrentUser currentUser, TimeProvider time)
{
    public Task RecordAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry) =>
        RecordAsync(connection, transaction, entry, currentUser.Id, currentUser.UserName);

    /// <summary>For writes that happen before anyone is signed in (sign-in attempts, start-up).</summary>
    public Task RecordAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry, int? userId, string userName) =>
        connection.ExecuteAsync(
            AuditSql.Insert,
            new
            {
                OccurredAt = time.GetUtcNow(),
                UserId = userId,
                UserName = userName,
                entry.EntityType,
                entry.EntityId,
                entry.Action,
                entry.Summary,
                Changes = entry.Changes is { Count: > 0 } changes ? ChangeSet.ToJson(changes) : null,
            },
            transaction);
}
