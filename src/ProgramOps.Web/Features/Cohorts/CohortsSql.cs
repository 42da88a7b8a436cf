using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Cohorts;

public static class CohortsSql
{
    /// <summary>The cohort list, filtered by status, program, client (any of a joint cohort's) and CS owner; a null filter takes all.</summary>
    public static readonly string List = $"""
        SELECT co.Id, co.Name, co.Status, co.EnrolmentOpens, co.EnrolmentCloses, co.StartDate,
               p.Code AS ProgramCode, v.VersionNumber, u.DisplayName AS CsOwnerName,
               (SELECT SUM(cc.Capacity) FROM CohortContracts cc WHERE cc.CohortId = co.Id) AS Seats,
               (SELECT COUNT(*) FROM Participants pa WHERE pa.CohortId = co.Id AND pa.State IN {ParticipantStates.HoldingSeatSql}) AS Participants
        FROM Cohorts co
        JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        JOIN Programs p ON p.Id = v.ProgramId
        LEFT JOIN Users u ON u.Id = co.CsOwnerId
        WHERE (@Status IS NULL OR co.Status = @Status)
          AND (@ProgramId IS NULL OR p.Id = @ProgramId)
          AND (@OwnerId IS NULL OR co.CsOwnerId = @OwnerId)
          AND (@ClientId IS NULL OR EXISTS (SELECT 1 FROM CohortContracts cc JOIN Contracts ct ON ct.Id = cc.ContractId
                                            WHERE cc.CohortId = co.Id AND ct.ClientId = @ClientId))
        ORDER BY co.StartDate DESC, co.Id DESC
        """;

    /// <summary>The programs and clients that have cohorts, for the list's filters.</summary>
    public const string ProgramsWithCohorts =
        """
        SELECT DISTINCT p.Id, p.Code AS Name FROM Programs p
        JOIN ProgramVersions v ON v.ProgramId = p.Id JOIN Cohorts co ON co.ProgramVersionId = v.Id
        ORDER BY p.Code
        """;

    public const string ClientsWithCohorts =
        """
        SELECT DISTINCT c.Id, c.Name FROM Clients c
        JOIN Contracts ct ON ct.ClientId = c.Id JOIN CohortContracts cc ON cc.ContractId = ct.Id
        ORDER BY c.Name
        """;

    public const string Find =
        """
        SELECT co.Id, co.Name, co.Status, co.EnrolmentOpens, co.EnrolmentCloses, co.StartDate, co.ProgramVersionId,
               co.CsOwnerId, co.Version, co.UpdatedAt, co.UpdatedBy,
               p.Id AS ProgramId, p.Code AS ProgramCode, v.VersionNumber, v.Status AS ProgramVersionStatus, v.Definition,
               u.DisplayName AS CsOwnerName
        FROM Cohorts co
        JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        JOIN Programs p ON p.Id = v.ProgramId
        LEFT JOIN Users u ON u.Id = co.CsOwnerId
        WHERE co.Id = @Id
        """;

    public const string ContractsOfCohort =
        """
        SELECT cc.ContractId, cc.Capacity, ct.ProgramName, ct.Seats, c.Id AS ClientId, c.Name AS ClientName
        FROM CohortContracts cc
        JOIN Contracts ct ON ct.Id = cc.ContractId
        JOIN Clients c ON c.Id = ct.ClientId
        WHERE cc.CohortId = @Id
        ORDER BY c.Name, cc.ContractId
        """;

    /// <summary>Contracts a cohort can draw seats from: active ones, with the seats other cohorts already hold.</summary>
    public const string AvailableContracts =
        """
        SELECT ct.Id AS ContractId, ct.ProgramId, ct.Seats, c.Name AS ClientName, ct.ProgramName, ct.StartDate, ct.EndDate,
               COALESCE((SELECT SUM(cc.Capacity) FROM CohortContracts cc WHERE cc.ContractId = ct.Id AND cc.CohortId <> @CohortId), 0) AS AllocatedElsewhere
        FROM Contracts ct
        JOIN Clients c ON c.Id = ct.ClientId
        WHERE ct.Status = 'Active' AND c.IsArchived = 0
        ORDER BY c.Name, ct.StartDate
        """;

    public const string PublishedVersions =
        """
        SELECT v.Id, v.ProgramId, p.Code, v.VersionNumber, v.Definition
        FROM ProgramVersions v JOIN Programs p ON p.Id = v.ProgramId
        WHERE v.Status = 'Published'
        ORDER BY p.Code
        """;

    public const string Insert =
        """
        INSERT INTO Cohorts (Name, ProgramVersionId, EnrolmentOpens, EnrolmentCloses, StartDate, Status, CsOwnerId,
                             Version, CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@Name, @ProgramVersionId, @EnrolmentOpens, @EnrolmentCloses, @StartDate, 'Planned', @CsOwnerId,
                1, @Now, @Now, @Actor);
        """;

    public const string InsertContract =
        "INSERT INTO CohortContracts (CohortId, ContractId, Capacity) VALUES (@CohortId, @ContractId, @Capacity)";

    /// <summary>Edits what may change after planning; the caller keeps the dates as they are once the cohort has started.</summary>
    public const string Update =
        """
        UPDATE Cohorts SET Name = @Name, CsOwnerId = @CsOwnerId, EnrolmentOpens = @EnrolmentOpens, EnrolmentCloses = @EnrolmentCloses,
                           StartDate = @StartDate, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public const string UpdateCapacity =
        "UPDATE CohortContracts SET Capacity = @Capacity WHERE CohortId = @CohortId AND ContractId = @ContractId";

    /// <summary>Seats the cohort's participants hold, per contract.</summary>
    public static readonly string SeatsHeld = $"""
        SELECT ContractId, COUNT(*) AS Held FROM Participants
        WHERE CohortId = @Id AND State IN {ParticipantStates.HoldingSeatSql}
        GROUP BY ContractId
        """;

    public const string SetStatus =
        """
        UPDATE Cohorts SET Status = @Status, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version AND Status = @From
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM Cohorts WHERE Id = @Id";

    public const string VersionOf = "SELECT Version FROM Cohorts WHERE Id = @Id";

    /// <summary>Records a milestone the first time the clock sees it reached.</summary>
    public const string RecordMilestone =
        """
        INSERT INTO CohortMilestones (CohortId, Week, Name, ReachedOn)
        SELECT @CohortId, @Week, @Name, @ReachedOn
        WHERE NOT EXISTS (SELECT 1 FROM CohortMilestones WHERE CohortId = @CohortId AND Week = @Week AND Name = @Name)
        """;

    /// <summary>What a cohort's next step is checked against (<see cref="CohortLifecycle.Refusals"/>).</summary>
    public static readonly string StepFacts =
        $"""
        SELECT co.Name, co.Status, co.EnrolmentOpens, co.StartDate, v.Status AS ProgramVersionStatus, v.Definition,
               (SELECT COUNT(*) FROM Participants p WHERE p.CohortId = co.Id AND p.State IN {ParticipantStates.EnrolledSql}) AS EnrolledParticipants
        FROM Cohorts co JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        WHERE co.Id = @CohortId
        """;

    public const string TakeRowLock = "UPDATE Cohorts SET Version = Version WHERE Id = @CohortId";

    public const string ParticipantsByState =
        "SELECT State, COUNT(*) AS Count FROM Participants WHERE CohortId = @Id GROUP BY State";

    /// <summary>
    /// Participants who dropped out or withdrew, by the state they left (from their last transition) and the program week
    /// they left in (0 before the start; days counted in Japan time, as the reporting views count them).
    /// </summary>
    public static string ExitOrigins(SqlDialect dialect) =>
        $"""
        SELECT t.FromState AS State, {ExitWeek(dialect)} AS Week, COUNT(*) AS Count
        FROM Participants p
        JOIN Cohorts c ON c.Id = p.CohortId
        JOIN ParticipantTransitions t ON t.ParticipantId = p.Id
        WHERE p.CohortId = @Id AND p.State IN ('DroppedOut', 'Withdrawn')
          AND t.Id = (SELECT MAX(l.Id) FROM ParticipantTransitions l WHERE l.ParticipantId = p.Id)
        GROUP BY t.FromState, {ExitWeek(dialect)}
        """;

    private static string ExitWeek(SqlDialect dialect) => dialect.Provider == DatabaseProvider.Sqlite
        ? """
          CASE WHEN julianday(p.StateChangedAt) + 0.375 < julianday(c.StartDate) THEN 0
               ELSE CAST(julianday(p.StateChangedAt) + 0.375 - julianday(c.StartDate) AS INTEGER) / 7 + 1 END
          """
        : """
          CASE WHEN CAST(SWITCHOFFSET(p.StateChangedAt, '+09:00') AS DATE) < c.StartDate THEN 0
               ELSE DATEDIFF(day, c.StartDate, CAST(SWITCHOFFSET(p.StateChangedAt, '+09:00') AS DATE)) / 7 + 1 END
          """;

    public const string TeamCount = "SELECT COUNT(*) FROM Teams WHERE CohortId = @Id";

    public const string ReachedMilestones = "SELECT Week, Name, ReachedOn FROM CohortMilestones WHERE CohortId = @Id";

    /// <summary>The running cohorts with their program version, for the daily jobs.</summary>
    public const string Running =
        """
        SELECT co.Id, co.Name, co.StartDate, co.Version, v.Definition
        FROM Cohorts co JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        WHERE co.Status = 'Running'
        """;
}
