namespace ProgramOps.Web.Features.Health;

public static class AccountHealthSql
{
    private const string OneClient = "(@ClientId IS NULL OR c.Id = @ClientId)";

    /// <summary>The clients scored (archived ones are not run any more), with what their weights and list need.</summary>
    public const string Clients = $"SELECT c.Id, c.Name, c.Segment FROM Clients c WHERE c.IsArchived = 0 AND {OneClient}";

    public const string ClientName = "SELECT c.Name FROM Clients c WHERE c.Id = @Id";

    public const string DecisionMakers =
        "SELECT DISTINCT k.ClientId FROM ReportingKeyPersons k WHERE k.Role = 'DecisionMaker' AND (@ClientId IS NULL OR k.ClientId = @ClientId)";

    /// <summary>Requests from the client still open in the feedback queues.</summary>
    public const string OpenRequests =
        """
        SELECT f.ClientId, COUNT(*) AS Count
        FROM FeedbackItems f
        WHERE f.Source = 'Client' AND f.ClientId IS NOT NULL AND f.Status NOT IN ('Done', 'WontDo')
          AND (@ClientId IS NULL OR f.ClientId = @ClientId)
        GROUP BY f.ClientId
        """;

    /// <summary>Each client's next contract end among its active contracts.</summary>
    public const string NextRenewals =
        """
        SELECT k.ClientId, MIN(k.EndDate) AS EndDate
        FROM ReportingContracts k
        WHERE k.Status = 'Active' AND k.EndDate >= @Today AND (@ClientId IS NULL OR k.ClientId = @ClientId)
        GROUP BY k.ClientId
        """;

    /// <summary>People of the given cohorts and clients who enrolled, grouped by their check-in week map.</summary>
    public const string CheckInMaps =
        """
        SELECT p.CohortId, p.ClientId, COALESCE(p.CheckInWeeks, '') AS Weeks, COUNT(*) AS People
        FROM ReportingParticipants p
        WHERE p.Enrolled = 1 AND p.CohortId IN @CohortIds AND (@ClientId IS NULL OR p.ClientId = @ClientId)
        GROUP BY p.CohortId, p.ClientId, COALESCE(p.CheckInWeeks, '')
        """;

    public const string Weights =
        """
        SELECT Segment, Participation, Enrolment, Engagement, Outcome, Nps, DecisionMaker, LastTouch, ClientRequests, Renewal,
               Version, UpdatedAt, UpdatedBy
        FROM HealthWeights
        """;

    public const string UpdateWeights =
        """
        UPDATE HealthWeights
        SET Participation = @Participation, Enrolment = @Enrolment, Engagement = @Engagement, Outcome = @Outcome, Nps = @Nps,
            DecisionMaker = @DecisionMaker, LastTouch = @LastTouch, ClientRequests = @ClientRequests, Renewal = @Renewal,
            Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Segment = @Segment AND Version = @Version
        """;

    /// <summary>This week's snapshot of a client, unless it has one: a run cut off midway is finished by the next.</summary>
    /// <summary>Every client's score in the latest weekly snapshot (the job snapshots every client each week).</summary>
    public const string LatestWeekScores =
        "SELECT s.ClientId, s.Score FROM HealthSnapshots s WHERE s.WeekOf = (SELECT MAX(w.WeekOf) FROM HealthSnapshots w)";

    public const string InsertSnapshot =
        """
        INSERT INTO HealthSnapshots (ClientId, WeekOf, Score, Weakest, Parts, TakenAt)
        SELECT @ClientId, @WeekOf, @Score, @Weakest, @Parts, @Now
        WHERE NOT EXISTS (SELECT 1 FROM HealthSnapshots s WHERE s.ClientId = @ClientId AND s.WeekOf = @WeekOf)
        """;

    public const string LatestWeek = "SELECT MAX(WeekOf) FROM HealthSnapshots";

    public const string Trend =
        "SELECT WeekOf, Score FROM HealthSnapshots WHERE ClientId = @ClientId AND WeekOf > @Since ORDER BY WeekOf";

    private const string AtRiskFilter =
        """
        FROM HealthSnapshots s
        JOIN Clients c ON c.Id = s.ClientId
        LEFT JOIN HealthSnapshots b ON b.ClientId = s.ClientId AND b.WeekOf = @WeekBefore
        LEFT JOIN Users bd ON bd.Id = c.BizDevOwnerId
        LEFT JOIN Users cs ON cs.Id = c.CsOwnerId
        WHERE s.WeekOf = @WeekOf AND s.Score < @Below AND c.IsArchived = 0
          AND (@Segment IS NULL OR c.Segment = @Segment)
          AND (@OwnerId IS NULL OR c.BizDevOwnerId = @OwnerId OR c.CsOwnerId = @OwnerId)
        """;

    public const string AtRiskCount = "SELECT COUNT(*) " + AtRiskFilter;

    /// <summary>The week's accounts under the line, lowest first; each with the week before's score.</summary>
    public static string AtRisk(SqlDialect dialect) =>
        $"""
        SELECT s.ClientId, c.Name, c.Segment, s.Score, b.Score AS ScoreWeekBefore, s.Weakest,
               bd.DisplayName AS BizDevOwnerName, cs.DisplayName AS CsOwnerName, COUNT(*) OVER () AS TotalCount
        {AtRiskFilter}
        {dialect.OrderAndPage("s.Score, c.Id")}
        """;
}
