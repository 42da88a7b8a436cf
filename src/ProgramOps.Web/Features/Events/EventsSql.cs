namespace ProgramOps.Web.Features.Events;

public static class EventsSql
{
    public const string ApiKeys =
        """
        SELECT Id, Name, KeyId, CreatedAt, CreatedBy, RevokedAt, RevokedBy, LastUsedAt, Version
        FROM ApiKeys ORDER BY RevokedAt, Name, Id
        """;

    public static string InsertApiKey(SqlDialect dialect) =>
        $"""
        INSERT INTO ApiKeys (Name, KeyId, ProtectedSecret, CreatedAt, CreatedBy, Version)
        VALUES (@Name, @KeyId, @ProtectedSecret, @Now, @Actor, 1);
        {dialect.SelectNewId}
        """;

    public const string RevokeApiKey =
        """
        UPDATE ApiKeys SET RevokedAt = @Now, RevokedBy = @Actor, Version = Version + 1
        WHERE Id = @Id AND Version = @Version AND RevokedAt IS NULL
        """;

    public const string ActiveApiKey = "SELECT Id, ProtectedSecret FROM ApiKeys WHERE KeyId = @KeyId AND RevokedAt IS NULL";

    public const string TouchApiKey = "UPDATE ApiKeys SET LastUsedAt = @Now WHERE Id = @Id";

    public const string CountRejectedCall =
        "UPDATE ApiKeys SET RejectedCalls = RejectedCalls + 1, LastRejectedAt = @Now, LastRejection = @Rejection WHERE Id = @Id";

    public const string ApiKeyLastChange = "SELECT COALESCE(RevokedBy, CreatedBy) AS UpdatedBy, COALESCE(RevokedAt, CreatedAt) AS UpdatedAt FROM ApiKeys WHERE Id = @Id";

    /// <summary>Which of a batch's event ids this key has sent before.</summary>
    public static string SeenEventIds(SqlDialect dialect) =>
        $"SELECT EventId FROM ParticipantEvents WHERE ApiKeyId = @ApiKeyId AND EventId IN ({dialect.JsonTexts("@EventIds")})";

    /// <summary>The values of an event in <c>@Events</c>, in this order (<c>EventWrites</c> builds each).</summary>
    public static readonly JsonColumn[] StoredEventValues =
    [
        new("EventId", "NVARCHAR(100)"), new("EventType", "NVARCHAR(40)"), new("ParticipantId", "BIGINT"), new("OccurredAt", "DATETIMEOFFSET"),
        new("Payload", "NVARCHAR(MAX)"),
    ];

    /// <summary>
    /// Stores a batch's accepted events, in one statement. Their ids were looked up in the batch's turn at the writer, so
    /// none is stored; should a writer that does not queue (SQL Server's) store one meanwhile, the unique index refuses
    /// the statement and the batch's transaction with it, and the sender's retry finds it a duplicate.
    /// </summary>
    public static string StoreEvents(SqlDialect dialect) =>
        $"""
        INSERT INTO ParticipantEvents (ApiKeyId, EventId, EventType, ParticipantId, OccurredAt, ReceivedAt, Payload)
        SELECT @ApiKeyId, e.EventId, e.EventType, e.ParticipantId, e.OccurredAt, @ReceivedAt, e.Payload
        FROM {dialect.JsonRows("@Events", StoredEventValues)} e
        """;

    /// <summary>The app's answers and notes go; the events' ids stay (a replay is still a duplicate), and their types for counts.</summary>
    public const string ErasePayloads = "UPDATE ParticipantEvents SET Payload = '{}' WHERE ParticipantId = @Id";
}
