namespace ProgramOps.Web.Features.Revenue;

public static class RevenueSql
{
    /// <summary>Every contract that is or was revenue; a draft never is. A cancelled one's last change dates its cancellation.</summary>
    public const string Contracts =
        """
        SELECT ClientId, Seats, PricePerSeatJpy, StartDate, EndDate, Status, CASE WHEN Status = 'Cancelled' THEN UpdatedAt END AS CancelledAt
        FROM Contracts WHERE Status <> 'Draft'
        """;

    /// <summary>The clients those contracts belong to, with what the figures are broken down by.</summary>
    public const string Clients =
        """
        SELECT c.Id, c.Name, c.Kind, c.Segment, c.CsType
        FROM Clients c
        WHERE EXISTS (SELECT 1 FROM Contracts k WHERE k.ClientId = c.Id AND k.Status <> 'Draft')
        """;

    /// <summary>
    /// Changes whenever a contract or client is added, changed (every update raises its Version) or deleted: counts,
    /// version sums and the newest id of both tables.
    /// </summary>
    public const string Stamp =
        """
        SELECT k.Contracts, k.ContractVersions, k.LastContract, c.Clients, c.ClientVersions, c.LastClient
        FROM (SELECT CAST(COUNT(*) AS BIGINT) AS Contracts, COALESCE(SUM(CAST(Version AS BIGINT)), 0) AS ContractVersions,
                     CAST(COALESCE(MAX(Id), 0) AS BIGINT) AS LastContract FROM Contracts) k
        CROSS JOIN (SELECT CAST(COUNT(*) AS BIGINT) AS Clients, COALESCE(SUM(CAST(Version AS BIGINT)), 0) AS ClientVersions,
                           CAST(COALESCE(MAX(Id), 0) AS BIGINT) AS LastClient FROM Clients) c
        """;
}
