using ProgramOps.Web.Features.Participants;

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
    /// Everyone who takes part (invited or further, not exited): the people teams are made of. Late joiners are
    /// those who came after the enrolment window closed (<c>@LateAfter</c>).
    /// </summary>
    public static readonly string Placeable =
        $"""
        SELECT Id AS ParticipantId, Department, TeamId, CASE WHEN CreatedAt >= @LateAfter THEN 1 ELSE 0 END AS JoinedLate
        FROM Participants
        WHERE CohortId = @CohortId AND State IN {ParticipantStates.TakingPartSql}
        """;

    public const string TeamsOfCohort = "SELECT Id, Number FROM Teams WHERE CohortId = @CohortId ORDER BY Number";

    public static string InsertTeam(SqlDialect dialect) =>
        $"""
        INSERT INTO Teams (CohortId, Number, FormedAt, Version) VALUES (@CohortId, @Number, @Now, 1);
        {dialect.SelectNewId}
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

    public static readonly string Unplaced =
        $"""
        SELECT COUNT(*) FROM Participants
        WHERE CohortId = @CohortId AND TeamId IS NULL AND State IN {ParticipantStates.TakingPartSql}
        """;

    /// <summary>Those <see cref="Unplaced"/> counts, by state: the confirmation says whom forming the teams will place.</summary>
    public static readonly string UnplacedByState =
        $"""
        SELECT State, COUNT(*) AS Count FROM Participants
        WHERE CohortId = @CohortId AND TeamId IS NULL AND State IN {ParticipantStates.TakingPartSql}
        GROUP BY State
        """;

    /// <summary>How many teams have fewer members taking part than <c>@Min</c> (but some): the teams rebalancing would touch.</summary>
    public static readonly string SmallTeams =
        $"""
        SELECT COUNT(*) FROM (
            SELECT TeamId FROM Participants
            WHERE CohortId = @CohortId AND TeamId IS NOT NULL AND State IN {ParticipantStates.TakingPartSql}
            GROUP BY TeamId HAVING COUNT(*) < @Min
        ) small
        """;

    public const string FindTeam = "SELECT Id, Number, CohortId, FormedAt FROM Teams WHERE CohortId = @CohortId AND Number = @Number";

    public static readonly string Members =
        $"""
        SELECT Id, FullName, Kana, Department, State, Version, AnonymisedAt
        FROM Participants WHERE TeamId = @TeamId
        ORDER BY CASE WHEN State IN {ParticipantStates.TakingPartSql} THEN 0 ELSE 1 END, Kana, Id
        """;

    public static readonly string MemberCount =
        $"""
        SELECT COUNT(*) FROM Participants
        WHERE TeamId = @TeamId AND State IN {ParticipantStates.TakingPartSql}
        """;

    public const string TeamNumbers = "SELECT Id, Number FROM Teams WHERE CohortId = @CohortId ORDER BY Number";

    /// <summary>Every team of the running cohorts with how many of its members still take part.</summary>
    public static readonly string TeamsOfRunningCohorts =
        $"""
        SELECT t.Id, t.Number, t.CohortId, v.Definition,
               (SELECT COUNT(*) FROM Participants p
                WHERE p.TeamId = t.Id AND p.State IN {ParticipantStates.TakingPartSql}) AS Members
        FROM Teams t
        JOIN Cohorts co ON co.Id = t.CohortId
        JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        WHERE co.Status = 'Running'
        """;
}
