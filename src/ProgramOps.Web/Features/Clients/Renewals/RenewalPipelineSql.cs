namespace ProgramOps.Web.Features.Clients.Renewals;

public static class RenewalPipelineSql
{
    private const string WindowFilter =
        """
        FROM Contracts ct
        JOIN Clients c ON c.Id = ct.ClientId
        LEFT JOIN Users bd ON bd.Id = c.BizDevOwnerId
        LEFT JOIN ContractRenewals r ON r.ContractId = ct.Id
        WHERE ct.Status = 'Active' AND c.IsArchived = 0 AND ct.EndDate >= @Today AND ct.EndDate <= @Until
          AND (@OwnerId IS NULL OR c.BizDevOwnerId = @OwnerId)
        """;

    /// <summary>Every contract in the window with what the forecast by month and the new entries need.</summary>
    public const string Window =
        $"""
        SELECT ct.Id AS ContractId, ct.ClientId, c.Name AS ClientName, ct.ProgramName, ct.EndDate,
               CAST(ct.Seats AS BIGINT) * ct.PricePerSeatJpy AS ValueJpy, COALESCE(r.Stage, 'NotStarted') AS Stage
        {WindowFilter}
        """;

    public const string PipelineCount = "SELECT COUNT(*) " + WindowFilter;

    /// <summary>One page of the active contracts ending in the window, with their value, client, BizDev owner and renewal stage (none = not started).</summary>
    public static string Pipeline(SqlDialect dialect, PipelineSort sort, bool descending)
    {
        var direction = descending ? "DESC" : "ASC";
        var order = sort switch
        {
            PipelineSort.Client => $"c.Name {direction}, ct.EndDate, ct.Id",
            PipelineSort.Value => $"CAST(ct.Seats AS BIGINT) * ct.PricePerSeatJpy {direction}, ct.EndDate, ct.Id",
            _ => $"ct.EndDate {direction}, c.Name, ct.Id",
        };
        return $"""
            SELECT ct.Id AS ContractId, ct.ClientId, c.Name AS ClientName, ct.ProgramName, ct.Seats, ct.EndDate, ct.AutoRenew,
                   CAST(ct.Seats AS BIGINT) * ct.PricePerSeatJpy AS ValueJpy, c.BizDevOwnerId, bd.DisplayName AS OwnerName,
                   COALESCE(r.Stage, 'NotStarted') AS Stage, COALESCE(r.Version, 0) AS StageVersion, COUNT(*) OVER () AS TotalCount
            {WindowFilter}
            {dialect.OrderAndPage(order)}
            """;
    }

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
