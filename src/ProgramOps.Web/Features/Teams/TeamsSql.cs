namespace ProgramOps.Web.Features.Teams;

public static class TeamsSql
{
    public const string Cohort =
        """
        SELECT co.Id, co.Name, co.Status, co.EnrolmentCloses, v.Definition
        FROM Cohorts co JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        WHERE co.Id = @CohortId
        """;

    /// <summary>
    /// Takes the cohort's row lock without changing it, so two formations of one cohort run one after the other and the
    /// second finds the first one's teams (SQLite's write lock does this anyway; SQL Server would let both see no teams).
    /// </summary>
    public const string LockCohort = "UPDATE Cohorts SET Version = Version WHERE Id = @CohortId";

    /// <summary>
    /// Everyone who takes part (invited or further, not exited): the people teams are made of. Late joiners are
    /// those who came after the enrolment window closed (<c>@LateAfter</c>).
    /// </summary>
    public const string Placeable =
        """
        SELECT Id AS ParticipantId, Department, TeamId, CASE WHEN CreatedAt >= @LateAfter THEN 1 ELSE 0 END AS JoinedLate
        FROM Participants
        WHERE CohortId = @CohortId AND State IN ('Invited', 'Enrolled', 'Onboarding', 'Active', 'AtRisk')
        """;

    public const string TeamsOfCohort = "SELECT Id, Number FROM Teams WHERE CohortId = @CohortId ORDER BY Number";

    public static string InsertTeam(SqlDialect dialect) =>
        $"""
        INSERT INTO Teams (CohortId, Number, FormedAt, Version) VALUES (@CohortId, @Number, @Now, 1);
        {dialect.SelectNewId}
        """;

    public const string SetTeam =
        "UPDATE Participants SET TeamId = @TeamId, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor WHERE Id = @Id";

    /// <summary>A staff member's move of one participant, only if nobody changed them since the page was shown.</summary>
    public const string MoveParticipant =
        """
        UPDATE Participants SET TeamId = @TeamId, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND CohortId = @CohortId AND Version = @Version
        """;

    /// <summary>One page of a cohort's teams; their member counts are read for that page only.</summary>
    public static string Page(SqlDialect dialect) =>
        $"""
        SELECT t.Id, t.Number, t.FormedAt
        FROM Teams t
        WHERE t.CohortId = @CohortId
        {dialect.OrderAndPage("t.Number")}
        """;

    public const string Count = "SELECT COUNT(*) FROM Teams WHERE CohortId = @CohortId";

    public const string StatesOfTeams =
        "SELECT TeamId, State, COUNT(*) AS Count FROM Participants WHERE TeamId IN @TeamIds GROUP BY TeamId, State";

    public const string Unplaced =
        """
        SELECT COUNT(*) FROM Participants
        WHERE CohortId = @CohortId AND TeamId IS NULL AND State IN ('Invited', 'Enrolled', 'Onboarding', 'Active', 'AtRisk')
        """;

    /// <summary>How many teams have fewer members taking part than <c>@Min</c> (but some): the teams rebalancing would touch.</summary>
    public const string SmallTeams =
        """
        SELECT COUNT(*) FROM (
            SELECT TeamId FROM Participants
            WHERE CohortId = @CohortId AND TeamId IS NOT NULL AND State IN ('Invited', 'Enrolled', 'Onboarding', 'Active', 'AtRisk')
            GROUP BY TeamId HAVING COUNT(*) < @Min
        ) small
        """;

    public const string FindTeam = "SELECT Id, Number, CohortId, FormedAt FROM Teams WHERE CohortId = @CohortId AND Number = @Number";

    public const string Members =
        """
        SELECT Id, FullName, Kana, Department, State, Version, AnonymisedAt
        FROM Participants WHERE TeamId = @TeamId
        ORDER BY CASE WHEN State IN ('Invited', 'Enrolled', 'Onboarding', 'Active', 'AtRisk') THEN 0 ELSE 1 END, Kana, Id
        """;

    public const string MemberCount =
        """
        SELECT COUNT(*) FROM Participants
        WHERE TeamId = @TeamId AND State IN ('Invited', 'Enrolled', 'Onboarding', 'Active', 'AtRisk')
        """;

    public const string TeamNumbers = "SELECT Id, Number FROM Teams WHERE CohortId = @CohortId ORDER BY Number";
}
