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

    /// <summary>For a transaction that writes many audit rows: the statement is prepared once.</summary>
    public AuditWriter Prepare(DbConnection connection, DbTransaction transaction) => new(connection, transaction, time);
}

/// <summary>Audit rows of one transaction through one prepared statement, as <see cref="AuditTrail"/> writes them.</summary>
public sealed class AuditWriter(DbConnection connection, DbTransaction transaction, TimeProvider time) : IDisposable
{
    private readonly PreparedCommand _insert = new(connection, transaction, AuditSql.Insert,
        ("OccurredAt", System.Data.DbType.DateTimeOffset), ("UserId", System.Data.DbType.Int32), ("UserName", System.Data.DbType.String),
        ("EntityType", System.Data.DbType.String), ("EntityId", System.Data.DbType.String), ("Action", System.Data.DbType.String),
        ("Summary", System.Data.DbType.String), ("Changes", System.Data.DbType.String));

    public Task RecordAsync(AuditEntry entry, int? userId, string userName, CancellationToken ct) =>
        _insert.Set("OccurredAt", time.GetUtcNow()).Set("UserId", userId).Set("UserName", userName)
            .Set("EntityType", entry.EntityType).Set("EntityId", entry.EntityId).Set("Action", entry.Action).Set("Summary", entry.Summary)
            .Set("Changes", entry.Changes is { Count: > 0 } changes ? ChangeSet.ToJson(changes) : null)
            .ExecuteAsync(ct);

    public void Dispose() => _insert.Dispose();
}
