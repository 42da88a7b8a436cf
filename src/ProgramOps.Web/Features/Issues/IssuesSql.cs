namespace ProgramOps.Web.Features.Issues;

public enum IssueSort
{
    Newest,
    Stage,
    Evidence,
}

/// <summary>
/// The issues' SQL. The evidence is counted from the links: interviews behind the linked findings, the linked feedback
/// items and their reports, and the people affected (each interviewed participant once, plus each item's affected count).
/// Program names come from the reporting read model.
/// </summary>
public static class IssuesSql
{
    private const string Evidence =
        """
        (SELECT COUNT(DISTINCT f.InterviewId) FROM IssueFindings l JOIN InterviewFindings f ON f.Id = l.FindingId WHERE l.IssueId = i.Id) AS Interviews,
        (SELECT COUNT(*) FROM IssueFindings l WHERE l.IssueId = i.Id) AS Findings,
        (SELECT COUNT(*) FROM IssueFeedbackItems l WHERE l.IssueId = i.Id) AS FeedbackItems,
        (SELECT COUNT(*) FROM IssueFeedbackItems l JOIN FeedbackReports r ON r.FeedbackItemId = l.FeedbackItemId WHERE l.IssueId = i.Id) AS Reports,
        (SELECT COUNT(DISTINCT v.ParticipantId) FROM IssueFindings l JOIN InterviewFindings f ON f.Id = l.FindingId JOIN Interviews v ON v.Id = f.InterviewId WHERE l.IssueId = i.Id)
          + COALESCE((SELECT SUM(fi.AffectedCount) FROM IssueFeedbackItems l JOIN FeedbackItems fi ON fi.Id = l.FeedbackItemId WHERE l.IssueId = i.Id), 0) AS AffectedPeople
        """;

    private const string ProgramCode = "(SELECT MIN(c.ProgramCode) FROM ReportingCohorts c WHERE c.ProgramId = i.ProgramId) AS ProgramCode";

    private const string ListWhere = "WHERE (@Stage IS NULL OR i.Stage = @Stage) AND (@ProgramId IS NULL OR i.ProgramId = @ProgramId)";

    public static string List(SqlDialect dialect, IssueSort sort, bool descending)
    {
        var dir = descending ? "DESC" : "ASC";
        var order = sort switch
        {
            IssueSort.Stage => $"i.Stage {dir}, i.Id DESC",
            IssueSort.Evidence => $"AffectedPeople {(descending ? "ASC" : "DESC")}, i.Id DESC",
            _ => $"i.Id {(descending ? "ASC" : "DESC")}",
        };
        return $"""
            SELECT * FROM (
                SELECT i.Id, i.ProgramId, i.Stage, i.Statement, i.UpdatedAt, {ProgramCode}, {Evidence}, COUNT(*) OVER () AS TotalCount
                FROM Issues i
                {ListWhere}
            ) i
            {dialect.OrderAndPage(order)}
            """;
    }

    public const string Count = "SELECT COUNT(*) FROM Issues i " + ListWhere;

    public const string Find =
        $"""
        SELECT i.Id, i.ProgramId, i.Stage, i.Statement, i.Version, i.CreatedAt, i.CreatedBy, i.UpdatedAt, i.UpdatedBy, {ProgramCode}, {Evidence}
        FROM Issues i
        WHERE i.Id = @Id
        """;

    public const string Programs = "SELECT DISTINCT ProgramId AS Id, ProgramCode AS Name FROM ReportingCohorts ORDER BY ProgramCode";

    public static string Insert(SqlDialect dialect) =>
        """
        INSERT INTO Issues (ProgramId, Stage, Statement, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
        VALUES (@ProgramId, @Stage, @Statement, @Now, @Actor, @Now, @Actor);
        """ + dialect.SelectNewId;

    public const string Update =
        """
        UPDATE Issues SET Stage = @Stage, Statement = @Statement, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM Issues WHERE Id = @Id";

    public const string LinkedFindings =
        """
        SELECT f.Id, f.InterviewId, f.Stage, f.Text, v.ParticipantId
        FROM IssueFindings l JOIN InterviewFindings f ON f.Id = l.FindingId JOIN Interviews v ON v.Id = f.InterviewId
        WHERE l.IssueId = @Id ORDER BY f.Id
        """;

    public const string LinkedFeedbackItems =
        """
        SELECT fi.Id, fi.Title, fi.Stage, fi.Source, fi.Status, fi.AffectedCount
        FROM IssueFeedbackItems l JOIN FeedbackItems fi ON fi.Id = l.FeedbackItemId
        WHERE l.IssueId = @Id ORDER BY fi.Id
        """;

    /// <summary>Findings of the issue's stage from interviews of the issue's program, not linked yet: what the link form offers.</summary>
    public const string FindingsToLink =
        """
        SELECT f.Id, f.InterviewId, f.Stage, f.Text, v.ParticipantId
        FROM InterviewFindings f
        JOIN Interviews v ON v.Id = f.InterviewId
        JOIN ReportingParticipants p ON p.Id = v.ParticipantId
        JOIN ReportingCohorts c ON c.Id = p.CohortId
        WHERE f.Stage = @Stage AND c.ProgramId = @ProgramId AND f.Text IS NOT NULL
          AND f.Id NOT IN (SELECT FindingId FROM IssueFindings WHERE IssueId = @Id)
        ORDER BY f.Id DESC
        """;

    /// <summary>Feedback items of the issue's stage about its program (or no program), not linked yet, newest first.</summary>
    public const string FeedbackItemsToLink =
        """
        SELECT fi.Id, fi.Title, fi.Stage, fi.Source, fi.Status, fi.AffectedCount
        FROM FeedbackItems fi
        WHERE fi.Stage = @Stage AND (fi.ProgramId = @ProgramId OR fi.ProgramId IS NULL)
          AND fi.Id NOT IN (SELECT FeedbackItemId FROM IssueFeedbackItems WHERE IssueId = @Id)
        ORDER BY fi.Id DESC
        """;

    public const string Finding =
        """
        SELECT f.Id, f.Stage, c.ProgramId
        FROM InterviewFindings f JOIN Interviews v ON v.Id = f.InterviewId JOIN ReportingParticipants p ON p.Id = v.ParticipantId
        JOIN ReportingCohorts c ON c.Id = p.CohortId
        WHERE f.Id = @Id
        """;

    public const string LinkFinding =
        "INSERT INTO IssueFindings (IssueId, FindingId, LinkedAt, LinkedBy) SELECT @Id, @LinkId, @Now, @Actor WHERE NOT EXISTS (SELECT 1 FROM IssueFindings WHERE IssueId = @Id AND FindingId = @LinkId)";

    public const string UnlinkFinding = "DELETE FROM IssueFindings WHERE IssueId = @Id AND FindingId = @LinkId";

    public const string LinkFeedbackItem =
        "INSERT INTO IssueFeedbackItems (IssueId, FeedbackItemId, LinkedAt, LinkedBy) SELECT @Id, @LinkId, @Now, @Actor WHERE NOT EXISTS (SELECT 1 FROM IssueFeedbackItems WHERE IssueId = @Id AND FeedbackItemId = @LinkId)";

    public const string UnlinkFeedbackItem = "DELETE FROM IssueFeedbackItems WHERE IssueId = @Id AND FeedbackItemId = @LinkId";

    public const string FeedbackItemExists = "SELECT COUNT(*) FROM FeedbackItems WHERE Id = @Id";
}
