namespace ProgramOps.Web.Features.Feedback;

public enum QueueSort
{
    Created,
    Severity,
    Reports,
    Status,
}

public static class FeedbackSql
{
    /// <summary>The columns routing needs to rebuild an item's facts (program by its code).</summary>
    private const string FactColumns =
        """
        i.Title, i.Description, i.Source, i.Category, i.Stage, p.Code AS Program,
        i.HelpsEveryUser, i.ProgramSpecific, i.ClientAsked
        """;

    public const string Insert =
        """
        INSERT INTO FeedbackItems (Title, Description, Source, ProgramId, ClientId, CohortId, Stage, Category, Severity,
                                   AffectedCount, HelpsEveryUser, ProgramSpecific, ClientAsked, Destination, Confidence,
                                   Status, RoutedAt, Version, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
        VALUES (@Title, @Description, @Source, @ProgramId, @ClientId, @CohortId, @Stage, @Category, @Severity,
                @AffectedCount, @HelpsEveryUser, @ProgramSpecific, @ClientAsked, @Destination, @Confidence,
                @Status, @RoutedAt, 1, @Now, @Actor, @Now, @Actor);
        """;

    public const string InsertReport =
        """
        INSERT INTO FeedbackReports (FeedbackItemId, Source, Note, AffectedCount, ReporterId, ReportedBy, ReportedAt)
        VALUES (@ItemId, @Source, @Note, @AffectedCount, @ReporterId, @Actor, @Now)
        """;

    public const string InsertDecision =
        """
        INSERT INTO RoutingDecisions (FeedbackItemId, Kind, Destination, Confidence, SuggestedDestination, SuggestedProbability,
                                      Explanation, Reason, DecidedById, DecidedBy, DecidedAt)
        VALUES (@ItemId, @Kind, @Destination, @Confidence, @SuggestedDestination, @SuggestedProbability,
                @Explanation, @Reason, @ActorId, @Actor, @Now);
        """;

    public const string InsertDecisionRule =
        "INSERT INTO RoutingDecisionRules (DecisionId, RuleId, Destination) VALUES (@DecisionId, @RuleId, @Destination)";

    public const string InsertStatusChange =
        """
        INSERT INTO FeedbackStatusChanges (FeedbackItemId, FromStatus, ToStatus, ChangedById, ChangedBy, ChangedAt)
        VALUES (@ItemId, @FromStatus, @ToStatus, @ActorId, @Actor, @Now)
        """;

    /// <summary>A merged report adds its people to the item; nothing the item had is overwritten.</summary>
    public const string AddMergedReport =
        """
        UPDATE FeedbackItems SET AffectedCount = AffectedCount + @AffectedCount, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Status NOT IN ('Done', 'WontDo')
        """;

    /// <summary>Open items a new report may repeat: the newest first, capped (@Take) so the comparison stays quick.</summary>
    public static string OpenItemsForDuplicates(SqlDialect dialect) =>
        $"""
        SELECT Id, Title, Description FROM FeedbackItems
        WHERE Status NOT IN ('Done', 'WontDo')
        {dialect.OrderAndPage("Id DESC")}
        """;

    public const string Find =
        $"""
        SELECT {FactColumns}, i.Id, i.ProgramId, i.ClientId, i.CohortId, i.Severity, i.AffectedCount,
               i.Destination, i.Confidence, i.Status, i.OwnerId, i.RoutedAt, i.Version, i.CreatedAt, i.CreatedBy, i.UpdatedAt, i.UpdatedBy,
               c.Name AS ClientName, co.Name AS CohortName, u.DisplayName AS OwnerName,
               (SELECT COUNT(*) FROM FeedbackReports r WHERE r.FeedbackItemId = i.Id) AS ReportsCount
        FROM FeedbackItems i
        LEFT JOIN Programs p ON p.Id = i.ProgramId
        LEFT JOIN Clients c ON c.Id = i.ClientId
        LEFT JOIN Cohorts co ON co.Id = i.CohortId
        LEFT JOIN Users u ON u.Id = i.OwnerId
        WHERE i.Id = @Id
        """;

    public const string ReportsOfItem =
        """
        SELECT Id, Source, Note, AffectedCount, ReportedBy, ReportedAt FROM FeedbackReports
        WHERE FeedbackItemId = @Id ORDER BY Id
        """;

    public const string DecisionsOfItem =
        """
        SELECT Id, Kind, Destination, Confidence, SuggestedDestination, SuggestedProbability, Explanation, Reason, DecidedBy, DecidedAt
        FROM RoutingDecisions WHERE FeedbackItemId = @Id ORDER BY Id
        """;

    public const string StatusChangesOfItem =
        "SELECT FromStatus, ToStatus, ChangedBy, ChangedAt FROM FeedbackStatusChanges WHERE FeedbackItemId = @Id ORDER BY Id";

    public const string Override =
        """
        UPDATE FeedbackItems SET Destination = @Destination, Status = @Status, RoutedAt = COALESCE(RoutedAt, @Now),
               Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public const string SetStatus =
        """
        UPDATE FeedbackItems SET Status = @Status, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version AND Status = @From
        """;

    public const string SetOwner =
        """
        UPDATE FeedbackItems SET OwnerId = @OwnerId, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM FeedbackItems WHERE Id = @Id";

    private const string QueueFilter =
        """
        FROM FeedbackItems i
        LEFT JOIN Programs p ON p.Id = i.ProgramId
        LEFT JOIN Clients c ON c.Id = i.ClientId
        LEFT JOIN Users u ON u.Id = i.OwnerId
        WHERE i.Destination = @Destination
          AND (@Status IS NULL OR i.Status = @Status)
          AND (@ProgramId IS NULL OR i.ProgramId = @ProgramId)
          AND (@ClientId IS NULL OR i.ClientId = @ClientId)
          AND (@Search IS NULL OR i.Title LIKE @Search ESCAPE '\' OR i.Description LIKE @Search ESCAPE '\')
        """;

    public const string OpenByDestination =
        "SELECT Destination, COUNT(*) AS Items FROM FeedbackItems WHERE Status NOT IN ('Done', 'WontDo') GROUP BY Destination";

    public const string QueueCount = "SELECT COUNT(*) " + QueueFilter;

    /// <summary>A destination's queue; the ORDER BY comes from a fixed set of columns, never from user text.</summary>
    public static string Queue(SqlDialect dialect, QueueSort sort, bool descending)
    {
        var direction = descending ? "DESC" : "ASC";
        var orderBy = sort switch
        {
            QueueSort.Severity => $"CASE i.Severity WHEN 'Critical' THEN 4 WHEN 'High' THEN 3 WHEN 'Medium' THEN 2 ELSE 1 END {direction}, i.Id DESC",
            QueueSort.Reports => $"ReportsCount {direction}, i.Id DESC",
            QueueSort.Status => $"CASE i.Status WHEN 'New' THEN 1 WHEN 'Routed' THEN 2 WHEN 'Accepted' THEN 3 WHEN 'InProgress' THEN 4 WHEN 'Done' THEN 5 ELSE 6 END {direction}, i.Id DESC",
            _ => $"i.CreatedAt {direction}, i.Id {direction}",
        };
        return $"""
            SELECT i.Id, i.Title, i.Description, i.Source, i.Stage, i.Category, i.Severity, i.AffectedCount, i.Destination, i.Confidence,
                   i.Status, i.CreatedAt, i.CreatedBy, i.RoutedAt, p.Code AS Program, c.Name AS ClientName, u.DisplayName AS OwnerName,
                   (SELECT COUNT(*) FROM FeedbackReports r WHERE r.FeedbackItemId = i.Id) AS ReportsCount,
                   COUNT(*) OVER () AS TotalCount
            {QueueFilter}
            {dialect.OrderAndPage(orderBy)}
            """;
    }

    /// <summary>
    /// Items whose destination a person has confirmed: overridden, or taken forward past Routed. These
    /// teach the learned model alongside the seed examples.
    /// </summary>
    public const string HumanDecisions =
        $"""
        SELECT {FactColumns}, i.Destination
        FROM FeedbackItems i
        LEFT JOIN Programs p ON p.Id = i.ProgramId
        WHERE i.Destination <> 'NeedsTriage'
          AND (i.Status IN ('Accepted', 'InProgress', 'Done', 'WontDo')
               OR EXISTS (SELECT 1 FROM RoutingDecisions d WHERE d.FeedbackItemId = i.Id AND d.Kind = 'Override'))
        """;

    /// <summary>Status changes of items the user reported or merged a report into, newest first.</summary>
    public static string MyReportedChanges(SqlDialect dialect) =>
        $"""
        SELECT s.FeedbackItemId AS ItemId, i.Title, s.FromStatus, s.ToStatus, s.ChangedBy, s.ChangedAt, i.Destination
        FROM FeedbackStatusChanges s
        JOIN FeedbackItems i ON i.Id = s.FeedbackItemId
        WHERE s.ChangedAt >= @Since
          AND s.FromStatus IS NOT NULL
          AND EXISTS (SELECT 1 FROM FeedbackReports r WHERE r.FeedbackItemId = s.FeedbackItemId AND r.ReporterId = @UserId)
        {dialect.OrderAndPage("s.ChangedAt DESC, s.Id DESC")}
        """;
}

/// <summary>The choices of the feedback forms and filters.</summary>
public static class FeedbackChoicesSql
{
    public const string Programs = "SELECT Id, Code AS Name FROM Programs ORDER BY Code";

    public const string Clients = "SELECT Id, Name FROM Clients WHERE IsArchived = 0 ORDER BY Name, Id";

    public const string Cohorts = "SELECT Id, Name FROM Cohorts WHERE Status <> 'Reported' ORDER BY StartDate DESC, Id DESC";

    /// <summary>Each program's newest definition, for its name in the reader's language.</summary>
    public const string ProgramDefinitions =
        """
        SELECT v.ProgramId, v.Definition FROM ProgramVersions v
        WHERE v.VersionNumber = (SELECT MAX(x.VersionNumber) FROM ProgramVersions x WHERE x.ProgramId = v.ProgramId)
        """;

    /// <summary>Each open cohort's program, and its client where it has one (a joint cohort has several: none is chosen for it).</summary>
    public const string CohortLinks =
        """
        SELECT co.Id AS CohortId, v.ProgramId,
               CASE WHEN MIN(ct.ClientId) = MAX(ct.ClientId) THEN MIN(ct.ClientId) END AS ClientId
        FROM Cohorts co
        JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        LEFT JOIN CohortContracts cc ON cc.CohortId = co.Id
        LEFT JOIN Contracts ct ON ct.Id = cc.ContractId
        WHERE co.Status <> 'Reported'
        GROUP BY co.Id, v.ProgramId
        """;
}

public static class FeedbackDashboardSql
{
    /// <summary>Items reported since a moment, with whether a person re-routed them.</summary>
    public const string ItemsSince =
        """
        SELECT i.Destination, i.Status, i.Stage, i.Category, i.CreatedAt, i.RoutedAt,
               CASE WHEN EXISTS (SELECT 1 FROM RoutingDecisions d WHERE d.FeedbackItemId = i.Id AND d.Kind = 'Override') THEN 1 ELSE 0 END AS Overridden
        FROM FeedbackItems i
        WHERE i.CreatedAt >= @Since
        """;
}
