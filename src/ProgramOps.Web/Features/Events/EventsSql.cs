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

    public const string ApiKeyLastChange = "SELECT COALESCE(RevokedBy, CreatedBy) AS UpdatedBy, COALESCE(RevokedAt, CreatedAt) AS UpdatedAt FROM ApiKeys WHERE Id = @Id";

    /// <summary>Which of a batch's event ids this key has sent before.</summary>
    public const string SeenEventIds = "SELECT EventId FROM ParticipantEvents WHERE ApiKeyId = @ApiKeyId AND EventId IN @EventIds";

    public const string InsertEvent =
        """
        INSERT INTO ParticipantEvents (ApiKeyId, EventId, EventType, ParticipantId, OccurredAt, ReceivedAt, Payload)
        VALUES (@ApiKeyId, @EventId, @EventType, @ParticipantId, @OccurredAt, @ReceivedAt, @Payload)
        """;

    /// <summary>Check-ins can arrive out of order: the latest day wins.</summary>
    public const string RecordCheckIn =
        """
        UPDATE Participants SET LastCheckInOn = @Day
        WHERE Id = @Id AND (LastCheckInOn IS NULL OR LastCheckInOn < @Day)
        """;
}
