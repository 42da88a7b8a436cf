namespace ProgramOps.Web.Features.Clients.Activity;

public static class ClientActivitySql
{
    private const string TouchKinds = "('Meeting', 'Call', 'Email')";

    public const string Insert =
        """
        INSERT INTO ClientActivities (ClientId, Kind, OccurredOn, Summary, NextStep, SystemKey, RecordedByUserId, RecordedBy, RecordedAt)
        VALUES (@ClientId, @Kind, @OccurredOn, @Summary, @NextStep, @SystemKey, @UserId, @Actor, @Now);
        """;

    public const string InsertPerson = "INSERT INTO ClientActivityPersons (ActivityId, KeyPersonId) VALUES (@ActivityId, @KeyPersonId)";

    /// <summary>
    /// A key person removed from the client is removed from the activities that named them; only while the person is at
    /// the version the remover saw, so a refused removal leaves the activities as they were.
    /// </summary>
    public const string ForgetKeyPerson =
        """
        DELETE FROM ClientActivityPersons
        WHERE KeyPersonId = @KeyPersonId AND EXISTS (SELECT 1 FROM KeyPersons WHERE Id = @KeyPersonId AND Version = @Version)
        """;

    public const string SystemEntryExists = "SELECT COUNT(*) FROM ClientActivities WHERE SystemKey = @SystemKey";

    /// <summary>Which of the given key persons belong to the client (a form may post any id).</summary>
    public const string KeyPersonsOfClient = "SELECT Id FROM KeyPersons WHERE ClientId = @ClientId AND Id IN @Ids";

    /// <summary>The latest entries of one client's log, newest first, each with the key persons it names (one row per person).</summary>
    public static string Timeline(SqlDialect dialect) =>
        $"""
        SELECT a.Id, a.Kind, a.OccurredOn, a.Summary, a.NextStep, a.RecordedBy, a.RecordedAt, kp.Id AS KeyPersonId, kp.Name AS KeyPersonName
        FROM (SELECT Id, Kind, OccurredOn, Summary, NextStep, RecordedBy, RecordedAt
              FROM ClientActivities WHERE ClientId = @ClientId
              {dialect.OrderAndPage("OccurredOn DESC, Id DESC")}) a
        LEFT JOIN ClientActivityPersons ap ON ap.ActivityId = a.Id
        LEFT JOIN KeyPersons kp ON kp.Id = ap.KeyPersonId
        ORDER BY a.OccurredOn DESC, a.Id DESC, kp.Name
        """;

    /// <summary>Each client's last touch (meeting, call, e-mail); clients never touched have no row.</summary>
    public const string LastTouchPerClient =
        $"SELECT ClientId AS Id, MAX(OccurredOn) AS LastTouchOn FROM ClientActivities WHERE Kind IN {TouchKinds} GROUP BY ClientId";

    public const string LastTouchOfClient =
        $"SELECT ClientId AS Id, MAX(OccurredOn) AS LastTouchOn FROM ClientActivities WHERE ClientId = @ClientId AND Kind IN {TouchKinds} GROUP BY ClientId";

    /// <summary>Each key person of one client with the last touch that involved them.</summary>
    public const string LastTouchPerKeyPerson =
        $"""
        SELECT ap.KeyPersonId AS Id, MAX(a.OccurredOn) AS LastTouchOn
        FROM ClientActivities a JOIN ClientActivityPersons ap ON ap.ActivityId = a.Id
        WHERE a.ClientId = @ClientId AND a.Kind IN {TouchKinds}
        GROUP BY ap.KeyPersonId
        """;

    public const string TouchSettings = "SELECT Segment, NoTouchDays, Version, UpdatedAt, UpdatedBy FROM ClientTouchSettings ORDER BY Segment";

    public const string UpdateTouchSetting =
        """
        UPDATE ClientTouchSettings SET NoTouchDays = @NoTouchDays, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Segment = @Segment AND Version = @Version
        """;
}
