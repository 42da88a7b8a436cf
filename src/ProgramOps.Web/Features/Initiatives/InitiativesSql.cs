namespace ProgramOps.Web.Features.Initiatives;

/// <summary>The initiatives' SQL: the initiatives, their scope and a team experiment's arms. Cohorts are read from the reporting read model.</summary>
public static class InitiativesSql
{
    private const string Columns =
        """
        i.Id, i.IssueId, s.ProgramId, s.Statement AS IssueStatement, s.Stage AS IssueStage, i.Title, i.Hypothesis, i.ChangeKind, i.ChangeDescription,
        i.MetricKind, i.MetricStage, i.MetricFromWeek, i.MetricToWeek, i.BaselineKind, i.BaselineWeeks, i.StartDate,
        i.OwnerId, u.DisplayName AS OwnerName, i.DecayShare, i.ArmSeed, i.State, i.Version, i.UpdatedAt, i.UpdatedBy
        """;

    private const string From = "FROM Initiatives i JOIN Issues s ON s.Id = i.IssueId LEFT JOIN Users u ON u.Id = i.OwnerId";

    private const string ListWhere = "WHERE (@State IS NULL OR i.State = @State) AND (@IssueId IS NULL OR i.IssueId = @IssueId)";

    public static string List(SqlDialect dialect, InitiativeSort sort, bool descending)
    {
        var dir = descending ? "DESC" : "ASC";
        var order = sort switch
        {
            InitiativeSort.StartDate => $"StartDate {dir}, Id DESC",
            InitiativeSort.Title => $"Title {dir}, Id DESC",
            _ => $"Id {(descending ? "ASC" : "DESC")}",
        };
        return $"""
            SELECT * FROM (
                SELECT {Columns}, COUNT(*) OVER () AS TotalCount
                {From}
                {ListWhere}
            ) i
            {dialect.OrderAndPage(order)}
            """;
    }

    public const string Count = "SELECT COUNT(*) FROM Initiatives i " + ListWhere;

    public const string Find = $"SELECT {Columns} {From} WHERE i.Id = @Id";

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM Initiatives WHERE Id = @Id";

    /// <summary>The issue an initiative answers, with its program (whose versions and cohorts make the scope).</summary>
    public const string Issue = "SELECT Id, ProgramId, Stage, Statement FROM Issues WHERE Id = @Id";

    public const string IssuesForFilter = "SELECT Id, Statement AS Name FROM Issues WHERE Id IN (SELECT IssueId FROM Initiatives) ORDER BY Id DESC";

    /// <summary>The program's versions that have left draft: those participants can be in.</summary>
    public const string VersionsOfProgram =
        "SELECT Id, VersionNumber FROM ProgramVersions WHERE ProgramId = @ProgramId AND Status <> 'Draft' ORDER BY VersionNumber DESC";

    public const string CohortsOfProgram = "SELECT Id, Name FROM ReportingCohorts WHERE ProgramId = @ProgramId ORDER BY StartDate DESC, Id DESC";

    public const string ScopeVersions =
        """
        SELECT v.Id, v.VersionNumber FROM InitiativeVersions s JOIN ProgramVersions v ON v.Id = s.ProgramVersionId
        WHERE s.InitiativeId = @Id ORDER BY v.VersionNumber
        """;

    public const string ScopeCohorts =
        """
        SELECT c.Id, c.Name FROM InitiativeCohorts s JOIN ReportingCohorts c ON c.Id = s.CohortId
        WHERE s.InitiativeId = @Id ORDER BY c.StartDate, c.Id
        """;

    public static string Insert(SqlDialect dialect) =>
        """
        INSERT INTO Initiatives (IssueId, Title, Hypothesis, ChangeKind, ChangeDescription, MetricKind, MetricStage, MetricFromWeek, MetricToWeek,
                                 BaselineKind, BaselineWeeks, StartDate, OwnerId, DecayShare, ArmSeed, State, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
        VALUES (@IssueId, @Title, @Hypothesis, @ChangeKind, @ChangeDescription, @MetricKind, @MetricStage, @MetricFromWeek, @MetricToWeek,
                @BaselineKind, @BaselineWeeks, @StartDate, @OwnerId, @DecayShare, @ArmSeed, @State, @Now, @Actor, @Now, @Actor);
        """ + dialect.SelectNewId;

    public const string InsertVersion = "INSERT INTO InitiativeVersions (InitiativeId, ProgramVersionId) VALUES (@Id, @ScopeId)";

    public const string InsertCohort = "INSERT INTO InitiativeCohorts (InitiativeId, CohortId) VALUES (@Id, @ScopeId)";

    public const string Update =
        """
        UPDATE Initiatives SET Title = @Title, Hypothesis = @Hypothesis, ChangeKind = @ChangeKind, ChangeDescription = @ChangeDescription,
               OwnerId = @OwnerId, DecayShare = @DecayShare, State = @State, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    /// <summary>The teams of a team experiment's cohort, in id order.</summary>
    public const string TeamsOfCohort = "SELECT Id FROM Teams WHERE CohortId = @CohortId ORDER BY Id";

    public const string HasArms = "SELECT COUNT(*) FROM InitiativeTeams WHERE InitiativeId = @Id";

    public const string InsertArm = "INSERT INTO InitiativeTeams (InitiativeId, TeamId, Arm, AssignedAt) VALUES (@Id, @TeamId, @Arm, @Now)";

    public const string ArmSizes = "SELECT Arm, COUNT(*) AS Teams FROM InitiativeTeams WHERE InitiativeId = @Id GROUP BY Arm ORDER BY Arm DESC";

    /// <summary>Active team experiments whose arms are not drawn yet, with their cohort and seed: the decay job draws them once the teams exist.</summary>
    public const string AwaitingArms =
        """
        SELECT i.Id, c.CohortId, i.ArmSeed
        FROM Initiatives i JOIN InitiativeCohorts c ON c.InitiativeId = i.Id
        WHERE i.State = 'Active' AND i.BaselineKind = 'ControlTeams'
          AND NOT EXISTS (SELECT 1 FROM InitiativeTeams a WHERE a.InitiativeId = i.Id)
        """;

    /// <summary>The active initiatives that have started, with their issue's program: what the decay watch measures.</summary>
    public const string Watched = $"SELECT {Columns} {From} WHERE i.State = 'Active' AND i.StartDate <= @Today ORDER BY i.Id";

    public const string ScopeCohortIds = "SELECT CohortId FROM InitiativeCohorts WHERE InitiativeId = @Id";

    public const string ScopeVersionIds = "SELECT ProgramVersionId FROM InitiativeVersions WHERE InitiativeId = @Id";

    public const string Arms = "SELECT TeamId, Arm FROM InitiativeTeams WHERE InitiativeId = @Id";

    private const string MeasuredPeople =
        """
        SELECT p.Id, p.CohortId, p.TeamId, p.State, p.ExitedFrom, p.StateChangedWeek, p.CheckInWeeks, c.StartDate AS CohortStart, c.ProgramVersionId
        FROM ReportingParticipants p JOIN ReportingCohorts c ON c.Id = p.CohortId
        """;

    /// <summary>The program's participants in cohorts started from <c>@From</c>: the baseline's and the scope's people.</summary>
    public const string PeopleOfProgram = MeasuredPeople + " WHERE c.ProgramId = @ProgramId AND c.StartDate >= @From";

    public const string PeopleOfCohort = MeasuredPeople + " WHERE p.CohortId = @CohortId";

    public const string DeleteEffects = "DELETE FROM InitiativeEffects WHERE InitiativeId = @Id";

    public const string InsertEffect =
        """
        INSERT INTO InitiativeEffects (InitiativeId, Week, WeekOf, Difference, Lower, Upper, WearingOff, MeasuredAt)
        VALUES (@Id, @Week, @WeekOf, @Difference, @Lower, @Upper, @WearingOff, @Now)
        """;

    public const string Effects = "SELECT Week, WeekOf, Difference, Lower, Upper, WearingOff FROM InitiativeEffects WHERE InitiativeId = @Id ORDER BY Week";

    public const string WearingOffActionOpen = "SELECT COUNT(*) FROM CsActions WHERE ConditionKey = @ConditionKey AND Status IN ('Open', 'Snoozed')";

    /// <summary>The program's initiatives with each version they address: by the version itself, or by one of the version's cohorts.</summary>
    private const string ProgramScopes =
        """
        SELECT s.ProgramVersionId AS VersionId, s.InitiativeId
        FROM InitiativeVersions s JOIN ProgramVersions v ON v.Id = s.ProgramVersionId
        WHERE v.ProgramId = @ProgramId
        UNION
        SELECT c.ProgramVersionId AS VersionId, s.InitiativeId
        FROM InitiativeCohorts s JOIN ReportingCohorts c ON c.Id = s.CohortId
        WHERE c.ProgramId = @ProgramId
        """;

    /// <summary>Each version of the program with the initiatives addressing it.</summary>
    public const string OfProgramByVersion =
        $"""
        SELECT x.VersionId, i.Id, i.Title, i.State
        FROM ({ProgramScopes}) x JOIN Initiatives i ON i.Id = x.InitiativeId
        ORDER BY x.VersionId, i.Id
        """;

    /// <summary>The feedback items a version addresses: those linked to the issue an initiative on the version answers.</summary>
    public const string FeedbackOfProgramByVersion =
        $"""
        SELECT DISTINCT x.VersionId, f.Id, f.Title, f.Status
        FROM ({ProgramScopes}) x
        JOIN Initiatives i ON i.Id = x.InitiativeId
        JOIN IssueFeedbackItems l ON l.IssueId = i.IssueId
        JOIN FeedbackItems f ON f.Id = l.FeedbackItemId
        ORDER BY x.VersionId, f.Id
        """;
}
