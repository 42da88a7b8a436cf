using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Cohorts.Imports;

public static class ImportsSql
{
    public static string Insert(SqlDialect dialect) =>
        $"""
        INSERT INTO RosterImports (CohortId, ContractId, FileName, FileSha256, FileBytes, RequestedEncoding, Status,
                                   UploadedById, UploadedBy, UploadedAt, Version, UpdatedAt)
        VALUES (@CohortId, @ContractId, @FileName, '', 0, @RequestedEncoding, 'Queued',
                @UserId, @Actor, @Now, 1, @Now);
        {dialect.SelectNewId}
        """;

    public const string InsertChunk =
        "INSERT INTO RosterImportChunks (ImportId, Sequence, Content) VALUES (@ImportId, @Sequence, @Content)";

    /// <summary>
    /// One chunk of a stored file, its content last. On SQLite with the rowid, so the content is streamed from the table
    /// (incremental blob I/O) rather than copied whole into a new array of a mebibyte per chunk.
    /// </summary>
    public static string ReadChunk(SqlDialect dialect) =>
        $"SELECT {(dialect.Provider == DatabaseProvider.Sqlite ? "rowid, " : "")}Content FROM RosterImportChunks WHERE ImportId = @ImportId AND Sequence = @Sequence";

    public const string SetFile =
        "UPDATE RosterImports SET FileSha256 = @FileSha256, FileBytes = @FileBytes WHERE Id = @Id";

    /// <summary>An earlier upload of the same bytes to the same cohort that is committed or still on its way.</summary>
    public const string SameFile =
        """
        SELECT Id, Status, UploadedBy, UploadedAt, CommittedAt
        FROM RosterImports
        WHERE FileSha256 = @FileSha256 AND CohortId = @CohortId AND Id <> @Id
          AND Status NOT IN ('Failed', 'Discarded')
        ORDER BY Id DESC
        """;

    public const string Find =
        """
        SELECT i.Id, i.CohortId, i.ContractId, i.FileName, i.FileSha256, i.FileBytes, i.RequestedEncoding, i.DetectedEncoding,
               i.ColumnMapping, i.Status, i.RowsRead, i.RowsValid, i.RowsInvalid, i.RowsWithWarnings, i.RowsImported, i.FailureReason,
               i.ClaimedBy, i.LeaseUntil, i.Attempts, i.AdmissionFingerprint, i.CommittedThroughLine,
               i.UploadedById, i.UploadedBy, i.UploadedAt, i.CommittedById, i.CommittedBy, i.CommittedAt, i.Version, i.UpdatedAt,
               c.Name AS ClientName, c.Id AS ClientId
        FROM RosterImports i
        JOIN Contracts ct ON ct.Id = i.ContractId
        JOIN Clients c ON c.Id = ct.ClientId
        WHERE i.Id = @Id
        """;

    public static string OfCohort(SqlDialect dialect) =>
        $"""
        SELECT i.Id, i.FileName, i.FileSha256, i.Status, i.RowsRead, i.RowsValid, i.RowsInvalid, i.RowsImported,
               i.UploadedBy, i.UploadedAt, i.CommittedBy, i.CommittedAt, c.Name AS ClientName,
               COUNT(*) OVER () AS TotalCount
        FROM RosterImports i
        JOIN Contracts ct ON ct.Id = i.ContractId
        JOIN Clients c ON c.Id = ct.ClientId
        WHERE i.CohortId = @CohortId
        {dialect.OrderAndPage("i.Id DESC")}
        """;

    public static string Problems(SqlDialect dialect) =>
        $"""
        SELECT Line, EmployeeNumber, PersonName, Problem, Field, ColumnName, Value, FirstLine, IsWarning, COUNT(*) OVER () AS TotalCount
        FROM RosterImportProblems
        WHERE ImportId = @ImportId
        {dialect.OrderAndPage("Line, Id")}
        """;

    public const string AllProblems =
        """
        SELECT Line, EmployeeNumber, PersonName, Problem, Field, ColumnName, Value, FirstLine, IsWarning
        FROM RosterImportProblems WHERE ImportId = @ImportId ORDER BY Line, Id
        """;

    public const string InsertProblem =
        """
        INSERT INTO RosterImportProblems (ImportId, Line, Problem, Field, ColumnName, Value, FirstLine, EmployeeNumber, PersonName, IsWarning)
        VALUES (@ImportId, @Line, @Problem, @Field, @ColumnName, @Value, @FirstLine, @EmployeeNumber, @PersonName, @IsWarning)
        """;

    public const string DeleteProblems = "DELETE FROM RosterImportProblems WHERE ImportId = @ImportId";

    public const string DeleteChunks = "DELETE FROM RosterImportChunks WHERE ImportId = @ImportId";

    /// <summary>A worker claims queued work, leasing it until @LeaseUntil; 0 rows means another worker was first.</summary>
    public const string Claim =
        """
        UPDATE RosterImports SET Status = @Status, ClaimedBy = @Worker, LeaseUntil = @LeaseUntil, Attempts = Attempts + 1,
               Version = Version + 1, UpdatedAt = @Now
        WHERE Id = @Id AND Status = @From
        """;

    /// <summary>
    /// Run first in the check's or commit's transaction: the work is still this worker's (0 rows: it was reclaimed, so
    /// do nothing). On SQL Server the row stays locked until the transaction ends, so nobody reclaims it meanwhile.
    /// </summary>
    public const string HoldLease =
        """
        UPDATE RosterImports SET LeaseUntil = @LeaseUntil
        WHERE Id = @Id AND Status = @Status AND ClaimedBy = @Worker
        """;

    /// <summary>The heartbeat: every import this worker is on stays leased to it.</summary>
    public const string RenewLeases =
        """
        UPDATE RosterImports SET LeaseUntil = @LeaseUntil
        WHERE ClaimedBy = @Worker AND Status IN ('Validating', 'Committing')
        """;

    /// <summary>Work some worker holds (few rows: at most one per worker).</summary>
    public const string Claimed =
        """
        SELECT Id, Status, ClaimedBy, LeaseUntil, Attempts, UpdatedAt FROM RosterImports
        WHERE Status IN ('Validating', 'Committing')
        """;

    /// <summary>
    /// Work whose owner is gone goes back to the queue (or, after too many attempts, to where a person decides), only
    /// if it is still as the reclaiming worker saw it. A commit resumes after the last slice it wrote.
    /// </summary>
    public const string Reclaim =
        """
        UPDATE RosterImports SET Status = @To, ClaimedBy = NULL, LeaseUntil = NULL, FailureReason = @FailureReason,
               Version = Version + 1, UpdatedAt = @Now
        WHERE Id = @Id AND Status = @From AND Attempts = @Attempts
        """;

    public const string LastChange = "SELECT COALESCE(CommittedBy, UploadedBy) AS UpdatedBy, UpdatedAt FROM RosterImports WHERE Id = @Id";

    public const string SetStatusWithNotice =
        """
        UPDATE RosterImports SET Status = @Status, FailureReason = @FailureReason, ClaimedBy = NULL, LeaseUntil = NULL,
               Version = Version + 1, UpdatedAt = @Now
        WHERE Id = @Id
        """;

    public const string RequestCommit =
        """
        UPDATE RosterImports SET Status = 'CommitQueued', CommittedById = @UserId, CommittedBy = @Actor,
               Version = Version + 1, UpdatedAt = @Now
        WHERE Id = @Id AND Status = 'Previewed' AND Version = @Version
        """;

    public const string SetMapping =
        """
        UPDATE RosterImports SET ColumnMapping = @ColumnMapping, Status = 'Queued', Version = Version + 1, UpdatedAt = @Now
        WHERE Id = @Id AND Status IN ('NeedsMapping', 'Previewed') AND Version = @Version AND CommittedThroughLine IS NULL
        """;

    /// <summary>
    /// Discards what no worker has in hand: a preview, a failure, or work waiting in the queue after an interruption —
    /// but not a commit that has enrolled part of the roster already, which can only be finished.
    /// </summary>
    public const string Discard =
        """
        UPDATE RosterImports SET Status = 'Discarded', Version = Version + 1, UpdatedAt = @Now
        WHERE Id = @Id AND Status IN ('NeedsMapping', 'Previewed', 'Failed', 'Queued', 'CommitQueued') AND Version = @Version
          AND CommittedThroughLine IS NULL
        """;

    public const string RecordCheck =
        """
        UPDATE RosterImports SET Status = @Status, DetectedEncoding = @DetectedEncoding, RowsRead = @RowsRead,
               RowsValid = @RowsValid, RowsInvalid = @RowsInvalid, RowsWithWarnings = @RowsWithWarnings, FailureReason = @FailureReason,
               AdmissionFingerprint = @AdmissionFingerprint, ClaimedBy = NULL, LeaseUntil = NULL, Attempts = 0, Version = Version + 1, UpdatedAt = @Now
        WHERE Id = @Id
        """;

    /// <summary>A commit's slice is written: a commit cut off after it resumes after its last line.</summary>
    public const string RecordSlice =
        "UPDATE RosterImports SET CommittedThroughLine = @Line, RowsImported = @RowsImported WHERE Id = @Id AND Status = 'Committing'";

    public const string RecordCommit =
        """
        UPDATE RosterImports SET Status = 'Committed', RowsRead = @RowsRead, RowsValid = @RowsValid, RowsInvalid = @RowsInvalid,
               RowsWithWarnings = @RowsWithWarnings, RowsImported = @RowsImported, FailureReason = COALESCE(@FailureReason, FailureReason), CommittedAt = @Now, ClaimedBy = NULL, LeaseUntil = NULL, Attempts = 0,
               Version = Version + 1, UpdatedAt = @Now
        WHERE Id = @Id AND Status = 'Committing'
        """;

    /// <summary>The oldest import waiting for the worker.</summary>
    public static string NextQueued(SqlDialect dialect) =>
        $"""
        SELECT Id, Status FROM RosterImports WHERE Status IN ('Queued', 'CommitQueued')
        {dialect.OrderAndPage("Id")}
        """;

    /// <summary>The cohorts of a client with their dates, for the overlap check (few rows: one client's cohorts).</summary>
    public const string CohortsOfClient =
        """
        SELECT DISTINCT co.Id, co.Name, co.EnrolmentOpens, co.StartDate, v.Definition
        FROM Cohorts co
        JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        JOIN CohortContracts cc ON cc.CohortId = co.Id
        JOIN Contracts ct ON ct.Id = cc.ContractId
        WHERE ct.ClientId = @ClientId
        """;

    /// <summary>
    /// The client's people who take part in one of the given cohorts (not declined, expired or withdrawn), but for those
    /// this import enrolled itself: a commit resumed after a crash decides its rows as it did before the first slice.
    /// </summary>
    public static readonly string TakingPart =
        $"""
        SELECT EmployeeNumber, Email, CohortId
        FROM Participants
        WHERE ClientId = @ClientId AND CohortId IN @CohortIds AND EmployeeNumber IS NOT NULL
          AND State IN {ParticipantStates.HoldingSeatSql} AND (ImportId IS NULL OR ImportId <> @ImportId)
        """;

    /// <summary>The seats the contract gives this cohort, and how many of them are taken (not counting this import's own, as above).</summary>
    public static readonly string Seats =
        $"""
        SELECT cc.Capacity,
               (SELECT COUNT(*) FROM Participants p
                WHERE p.CohortId = cc.CohortId AND p.ContractId = cc.ContractId
                  AND p.State IN {ParticipantStates.HoldingSeatSql} AND (p.ImportId IS NULL OR p.ImportId <> @ImportId)) AS Taken
        FROM CohortContracts cc
        WHERE cc.CohortId = @CohortId AND cc.ContractId = @ContractId
        """;

    public const string Cohort =
        """
        SELECT co.Id, co.Name, co.Status, co.EnrolmentOpens, co.EnrolmentCloses, co.StartDate, v.Definition
        FROM Cohorts co JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        WHERE co.Id = @Id
        """;
}
