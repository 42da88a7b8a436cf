namespace ProgramOps.Web.Features.Clients.Renewals;

public static class RenewalPipelineSql
{
    /// <summary>Active contracts ending in the window, with their value, client, BizDev owner and renewal stage (none = not started).</summary>
    public const string Pipeline =
        """
        SELECT ct.Id AS ContractId, ct.ClientId, c.Name AS ClientName, ct.ProgramName, ct.Seats, ct.EndDate, ct.AutoRenew,
               CAST(ct.Seats AS BIGINT) * ct.PricePerSeatJpy AS ValueJpy, c.BizDevOwnerId, bd.DisplayName AS OwnerName,
               COALESCE(r.Stage, 'NotStarted') AS Stage, COALESCE(r.Version, 0) AS StageVersion
        FROM Contracts ct
        JOIN Clients c ON c.Id = ct.ClientId
        LEFT JOIN Users bd ON bd.Id = c.BizDevOwnerId
        LEFT JOIN ContractRenewals r ON r.ContractId = ct.Id
        WHERE ct.Status = 'Active' AND c.IsArchived = 0 AND ct.EndDate >= @Today AND ct.EndDate <= @Until
          AND (@OwnerId IS NULL OR c.BizDevOwnerId = @OwnerId)
        ORDER BY ct.EndDate, c.Name, ct.Id
        """;

    /// <summary>Stage changes since a moment, newest first, of the contracts in the window.</summary>
    public const string ChangesSince =
        """
        SELECT s.ContractId, c.Name AS ClientName, ct.ProgramName, s.FromStage, s.ToStage, s.ChangedAt, s.ChangedBy
        FROM ContractRenewalStageChanges s
        JOIN Contracts ct ON ct.Id = s.ContractId
        JOIN Clients c ON c.Id = ct.ClientId
        WHERE s.ChangedAt >= @Since AND (@OwnerId IS NULL OR c.BizDevOwnerId = @OwnerId)
        ORDER BY s.ChangedAt DESC, s.Id DESC
        """;

    public const string FindContract =
        """
        SELECT ct.Id AS ContractId, ct.ClientId, ct.ProgramName, COALESCE(r.Stage, 'NotStarted') AS Stage, COALESCE(r.Version, 0) AS StageVersion
        FROM Contracts ct LEFT JOIN ContractRenewals r ON r.ContractId = ct.Id
        WHERE ct.Id = @ContractId
        """;

    /// <summary>The first stage set on a contract; refused (no row) when someone set one meanwhile.</summary>
    public const string InsertStage =
        """
        INSERT INTO ContractRenewals (ContractId, Stage, Version, UpdatedAt, UpdatedBy)
        SELECT @ContractId, @Stage, 1, @Now, @Actor
        WHERE NOT EXISTS (SELECT 1 FROM ContractRenewals WHERE ContractId = @ContractId)
        """;

    public const string UpdateStage =
        """
        UPDATE ContractRenewals SET Stage = @Stage, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE ContractId = @ContractId AND Version = @Version
        """;

    public const string InsertChange =
        """
        INSERT INTO ContractRenewalStageChanges (ContractId, FromStage, ToStage, ChangedAt, ChangedBy)
        VALUES (@ContractId, @FromStage, @ToStage, @Now, @Actor)
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM ContractRenewals WHERE ContractId = @Id";
}
