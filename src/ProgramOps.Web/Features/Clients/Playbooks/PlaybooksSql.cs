namespace ProgramOps.Web.Features.Clients.Playbooks;

public static class PlaybooksSql
{
    private const string TaskColumns =
        "t.Id, t.PlaybookId, p.Segment, p.CsType, t.Position, t.Anchor, t.OffsetDays, t.OwnerRole, t.InstructionJa, t.InstructionEn, t.Version, t.UpdatedAt, t.UpdatedBy";

    public const string Playbooks = "SELECT Id, Segment, CsType FROM Playbooks ORDER BY Segment, CsType";

    public const string Playbook = "SELECT Id, Segment, CsType FROM Playbooks WHERE Id = @Id";

    public const string AllTasks = $"SELECT {TaskColumns} FROM PlaybookTasks t JOIN Playbooks p ON p.Id = t.PlaybookId ORDER BY t.PlaybookId, t.Position, t.Id";

    public const string Task = $"SELECT {TaskColumns} FROM PlaybookTasks t JOIN Playbooks p ON p.Id = t.PlaybookId WHERE t.Id = @Id AND t.PlaybookId = @PlaybookId";

    public const string InsertTask =
        """
        INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
        VALUES (@PlaybookId, (SELECT COALESCE(MAX(Position), 0) + 1 FROM PlaybookTasks WHERE PlaybookId = @PlaybookId),
                @Anchor, @OffsetDays, @OwnerRole, @InstructionJa, @InstructionEn, 1, @Now, @Actor);
        """;

    public const string UpdateTask =
        """
        UPDATE PlaybookTasks
        SET Anchor = @Anchor, OffsetDays = @OffsetDays, OwnerRole = @OwnerRole, InstructionJa = @InstructionJa, InstructionEn = @InstructionEn,
            Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND PlaybookId = @PlaybookId AND Version = @Version
        """;

    public const string DeleteTask = "DELETE FROM PlaybookTasks WHERE Id = @Id AND PlaybookId = @PlaybookId AND Version = @Version";

    public const string TaskLastChange = "SELECT UpdatedBy, UpdatedAt FROM PlaybookTasks WHERE Id = @Id";

    /// <summary>The clients run (not archived), with the playbook they follow and their owners.</summary>
    public const string Clients = "SELECT Id, Segment, CsType, CsOwnerId, BizDevOwnerId FROM Clients WHERE IsArchived = 0";

    public const string ActiveContracts = "SELECT Id AS ContractId, ClientId, StartDate, EndDate FROM Contracts WHERE Status = 'Active'";

    /// <summary>Each client's part in every cohort, with the day its first final report was issued.</summary>
    public const string CohortParts =
        """
        SELECT s.CohortId, s.ClientId, co.EnrolmentOpens, co.StartDate, co.ProgramVersionId,
               (SELECT MIN(r.IssuedAt) FROM ReportVersions r WHERE r.CohortId = s.CohortId AND r.ClientId = s.ClientId AND r.Kind = 'Final') AS FinalReportIssuedAt
        FROM (SELECT DISTINCT cc.CohortId, k.ClientId FROM CohortContracts cc JOIN Contracts k ON k.Id = cc.ContractId) s
        JOIN Cohorts co ON co.Id = s.CohortId
        """;
}
