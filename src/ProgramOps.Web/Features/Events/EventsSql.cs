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

    /// <summary>Stores an event unless this key sent its id before: no row written means a duplicate.</summary>
    public const string InsertEventUnlessSeen =
        """
        INSERT INTO ParticipantEvents (ApiKeyId, EventId, EventType, ParticipantId, OccurredAt, ReceivedAt, Payload)
        SELECT @ApiKeyId, @EventId, @EventType, @ParticipantId, @OccurredAt, @ReceivedAt, @Payload
        WHERE NOT EXISTS (SELECT 1 FROM ParticipantEvents WHERE ApiKeyId = @ApiKeyId AND EventId = @EventId)
        """;

    /// <summary>Whether this key's event id is stored (1) or not (0).</summary>
    public const string EventStored = "SELECT COUNT(*) FROM ParticipantEvents WHERE ApiKeyId = @ApiKeyId AND EventId = @EventId";

    /// <summary>An event stored before its effects were refused is not kept: its id may come again.</summary>
    public const string ForgetEvent = "DELETE FROM ParticipantEvents WHERE ApiKeyId = @ApiKeyId AND EventId = @EventId";

    /// <summary>The app's answers and notes go; the events' ids stay (a replay is still a duplicate), and their types for counts.</summary>
    public const string ErasePayloads = "UPDATE ParticipantEvents SET Payload = '{}' WHERE ParticipantId = @Id";
}
