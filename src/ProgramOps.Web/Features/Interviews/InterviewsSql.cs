namespace ProgramOps.Web.Features.Interviews;

public enum InterviewSort
{
    Newest,
    Status,
    Cohort,
}

/// <summary>
/// The N1 interviews' SQL. Interviews name their participant by id; names, cohort and client are joined in for those who
/// may read personal data (the feature's only readers). The program comes from the reporting read model.
/// </summary>
public static class InterviewsSql
{
    public static string InsertDraw(SqlDialect dialect) =>
        """
        INSERT INTO InterviewDraws (Selection, Stage, Seed, Requested, PoolSize, DrawnAt, DrawnBy)
        VALUES (@Selection, @Stage, @Seed, @Requested, @PoolSize, @Now, @Actor);
        """ + dialect.SelectNewId;

    public const string Insert =
        """
        INSERT INTO Interviews (DrawId, ParticipantId, Status, CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@DrawId, @ParticipantId, 'Candidate', @Now, @Now, @Actor)
        """;

    /// <summary>Participants who are in an interview that is still open: not drawn again.</summary>
    public static readonly string OpenParticipants =
        $"SELECT ParticipantId FROM Interviews WHERE Status IN {InterviewLifecycle.OpenSqlList}";

    public const string OfDraw = "SELECT Id FROM Interviews WHERE DrawId = @Id ORDER BY Id";

    public const string Draw = "SELECT Id, Selection, Stage, Seed, Requested, PoolSize, DrawnAt, DrawnBy FROM InterviewDraws WHERE Id = @Id";

    private const string ListFrom =
        """
        FROM Interviews i
        JOIN InterviewDraws d ON d.Id = i.DrawId
        JOIN Participants p ON p.Id = i.ParticipantId
        JOIN ReportingCohorts c ON c.Id = p.CohortId
        WHERE (@Status IS NULL OR i.Status = @Status)
          AND (@DrawId IS NULL OR i.DrawId = @DrawId)
          AND (@CohortId IS NULL OR p.CohortId = @CohortId)
        """;

    public static string List(SqlDialect dialect, InterviewSort sort, bool descending)
    {
        var dir = descending ? "DESC" : "ASC";
        var order = sort switch
        {
            InterviewSort.Status => $"i.Status {dir}, i.Id DESC",
            InterviewSort.Cohort => $"c.Name {dir}, i.Id DESC",
            _ => $"i.Id {(descending ? "ASC" : "DESC")}",
        };
        return $"""
            SELECT i.Id, i.ParticipantId, p.FullName, p.Kana, i.Status, i.ScheduledFor, d.Stage, p.CohortId, c.Name AS CohortName,
                   (SELECT COUNT(*) FROM InterviewFindings f WHERE f.InterviewId = i.Id) AS Findings, i.UpdatedAt,
                   COUNT(*) OVER () AS TotalCount
            {ListFrom}
            {dialect.OrderAndPage(order)}
            """;
    }

    public const string Count = "SELECT COUNT(*) " + ListFrom;

    public const string Find =
        """
        SELECT i.Id, i.DrawId, i.ParticipantId, p.FullName, p.Kana, p.State AS ParticipantState, i.Status, i.ScheduledFor, i.Notes,
               i.ErasedAt, i.Version, i.UpdatedAt, i.UpdatedBy, d.Stage AS DrawnAt, p.CohortId, c.Name AS CohortName,
               c.ProgramId, c.ProgramCode, p.ClientId, cl.Name AS ClientName
        FROM Interviews i
        JOIN InterviewDraws d ON d.Id = i.DrawId
        JOIN Participants p ON p.Id = i.ParticipantId
        JOIN ReportingCohorts c ON c.Id = p.CohortId
        JOIN Clients cl ON cl.Id = p.ClientId
        WHERE i.Id = @Id
        """;

    public const string Findings =
        "SELECT Id, InterviewId, Stage, Text, FeedbackItemId, CreatedAt, CreatedBy FROM InterviewFindings WHERE InterviewId = @Id ORDER BY Id";

    public const string Finding =
        "SELECT Id, InterviewId, Stage, Text, FeedbackItemId, CreatedAt, CreatedBy FROM InterviewFindings WHERE Id = @Id";

    public const string SetStatus =
        """
        UPDATE Interviews SET Status = @Status, ScheduledFor = @ScheduledFor, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    /// <summary>Notes of an erased interview stay erased: the participant withdrew.</summary>
    public const string SetNotes =
        """
        UPDATE Interviews SET Notes = @Notes, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version AND ErasedAt IS NULL
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM Interviews WHERE Id = @Id";

    public static string InsertFinding(SqlDialect dialect) =>
        """
        INSERT INTO InterviewFindings (InterviewId, Stage, Text, CreatedAt, CreatedBy)
        VALUES (@InterviewId, @Stage, @Text, @Now, @Actor);
        """ + dialect.SelectNewId;

    /// <summary>A finding goes to the feedback router once: the second sender finds it already sent.</summary>
    public const string MarkFindingSent = "UPDATE InterviewFindings SET FeedbackItemId = @ItemId WHERE Id = @Id AND FeedbackItemId IS NULL";

    /// <summary>
    /// Withdrawal of consent: the notes and the findings' words go; the interviews, their status history and the findings'
    /// stages stay, so counts stay right. An interview still open ends as declined: nobody contacts a person who withdrew.
    /// </summary>
    public static readonly string EraseNotes =
        $"""
        UPDATE Interviews SET Notes = NULL, ErasedAt = @Now, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor,
               Status = CASE WHEN Status IN {InterviewLifecycle.OpenSqlList} THEN 'Declined' ELSE Status END
        WHERE ParticipantId = @Id
        """;

    public const string EraseFindings =
        "UPDATE InterviewFindings SET Text = NULL WHERE InterviewId IN (SELECT Id FROM Interviews WHERE ParticipantId = @Id)";
}
