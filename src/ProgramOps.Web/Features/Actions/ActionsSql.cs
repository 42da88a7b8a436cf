namespace ProgramOps.Web.Features.Actions;

public static class ActionsSql
{
    /// <summary>
    /// Opens an action for each request in <c>@Requests</c> (a JSON array, one statement for a job's whole batch) whose
    /// condition has no open action yet, or — <paramref name="unlessEver"/> — never had one, in any status; the unique
    /// index guards the race. The requests' condition keys are distinct.
    /// </summary>
    public static string OpenMany(SqlDialect dialect, bool unlessEver) =>
        $"""
        INSERT INTO CsActions (Kind, ConditionKey, CohortId, ClientId, ParticipantId, TeamId, ContractId, ShipmentId, Reason, DueOn, Priority, OwnerId, Status,
                               CreatedAt, CreatedBy, Version, UpdatedAt, UpdatedBy)
        SELECT r.Kind, r.ConditionKey, r.CohortId, r.ClientId, r.ParticipantId, r.TeamId, r.ContractId, r.ShipmentId, r.Reason, r.DueOn, r.Priority,
               COALESCE(r.OwnerId, (SELECT CsOwnerId FROM Cohorts WHERE Id = r.CohortId)), 'Open', @Now, @Actor, 1, @Now, @Actor
        FROM {dialect.JsonRows("@Requests", RequestValues)} r
        WHERE NOT EXISTS (SELECT 1 FROM CsActions a WHERE a.ConditionKey = r.ConditionKey{(unlessEver ? "" : " AND a.Status IN ('Open', 'Snoozed')")})
        ORDER BY r.Position
        """;

    /// <summary>The values of a request in <c>@Requests</c>, in this order (<c>CsActions.RequestValues</c> builds each request).</summary>
    public static readonly JsonColumn[] RequestValues =
    [
        new("Position", "INT"), new("Kind", "NVARCHAR(30)"), new("ConditionKey", "NVARCHAR(200)"), new("CohortId", "INT"), new("ClientId", "INT"),
        new("ParticipantId", "BIGINT"), new("TeamId", "INT"), new("ContractId", "INT"), new("ShipmentId", "BIGINT"), new("OwnerId", "INT"),
        new("Reason", "NVARCHAR(MAX)"), new("DueOn", "DATE"), new("Priority", "INT"),
    ];

    /// <summary>At-risk actions whose participant is no longer at risk (checked in again, dropped out, withdrew) close themselves.</summary>
    public const string ResolveAtRisk =
        """
        UPDATE CsActions
        SET Status = 'Resolved', ClosedAt = @Now, ClosedBy = @Actor, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Kind = 'ParticipantAtRisk' AND Status IN ('Open', 'Snoozed')
          AND EXISTS (SELECT 1 FROM Participants p WHERE p.Id = CsActions.ParticipantId AND p.State <> 'AtRisk')
        """;

    public const string OpenOfKind = "SELECT Id, ConditionKey FROM CsActions WHERE Kind = @Kind AND Status IN ('Open', 'Snoozed')";

    /// <summary>Closes the given actions if they are still open: their condition no longer holds.</summary>
    public const string ResolveCondition =
        """
        UPDATE CsActions
        SET Status = 'Resolved', ClosedAt = @Now, ClosedBy = @Actor, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE ConditionKey = @ConditionKey AND Status IN ('Open', 'Snoozed')
        """;

    public const string ResolveByIds =
        """
        UPDATE CsActions
        SET Status = 'Resolved', ClosedAt = @Now, ClosedBy = @Actor, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id IN @Ids AND Status IN ('Open', 'Snoozed')
        """;

    /// <summary>Snoozed actions whose day has come are open again.</summary>
    public const string Wake =
        """
        UPDATE CsActions SET Status = 'Open', SnoozedUntil = NULL, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Status = 'Snoozed' AND SnoozedUntil <= @Today
        """;

    private const string QueueFilter =
        """
        FROM CsActions a
        LEFT JOIN Cohorts co ON co.Id = a.CohortId
        LEFT JOIN Clients c ON c.Id = a.ClientId
        LEFT JOIN Users u ON u.Id = a.OwnerId
        WHERE a.Status IN @Statuses
          AND (@Kind IS NULL OR a.Kind = @Kind)
          AND (@CohortId IS NULL OR a.CohortId = @CohortId)
          AND (@ClientId IS NULL OR a.ClientId = @ClientId)
          AND (@OwnerId IS NULL OR a.OwnerId = @OwnerId)
          AND (@ForUserId IS NULL OR a.OwnerId = @ForUserId OR (a.OwnerId IS NULL AND a.Kind IN @UnownedKinds))
        """;

    public const string Count = "SELECT COUNT(*) " + QueueFilter;

    public static string Queue(SqlDialect dialect) =>
        $"""
        SELECT a.Id, a.Kind, a.ConditionKey, a.Reason, a.DueOn, a.Priority, a.Status, a.SnoozedUntil, a.ParticipantId, a.CohortId, co.Name AS CohortName,
               (SELECT t.Number FROM Teams t WHERE t.Id = a.TeamId) AS TeamNumber, a.ContractId, a.ShipmentId,
               a.ClientId, c.Name AS ClientName, a.OwnerId, u.DisplayName AS OwnerName, a.Note, a.Version, a.CreatedAt
        {QueueFilter}
        {dialect.OrderAndPage("a.Priority, a.DueOn, a.Id")}
        """;

    public const string KindAndOwner = "SELECT Kind, OwnerId FROM CsActions WHERE Id = @Id";

    /// <summary>What the client's activity log records when a playbook task is completed.</summary>
    public const string CompletedTask = "SELECT Kind, ClientId, Reason FROM CsActions WHERE Id = @Id";

    public const string Take =
        """
        UPDATE CsActions SET OwnerId = @UserId, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version AND Status IN ('Open', 'Snoozed')
        """;

    public const string Snooze =
        """
        UPDATE CsActions SET Status = 'Snoozed', SnoozedUntil = @Until, Note = @Note, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version AND Status IN ('Open', 'Snoozed')
        """;

    public const string Complete =
        """
        UPDATE CsActions SET Status = 'Done', Note = @Note, ClosedAt = @Now, ClosedBy = @Actor, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version AND Status IN ('Open', 'Snoozed')
        """;

    public const string OpenForParticipant =
        """
        SELECT a.Id, a.Kind, a.Reason, a.DueOn, a.Status, u.DisplayName AS OwnerName
        FROM CsActions a LEFT JOIN Users u ON u.Id = a.OwnerId
        WHERE a.ParticipantId = @Id AND a.Status IN ('Open', 'Snoozed')
        ORDER BY a.DueOn
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM CsActions WHERE Id = @Id";
}
