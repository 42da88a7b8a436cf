namespace ProgramOps.Web.Features.Clients;

/// <summary>The client page's sections that read other features' tables (published to Clients in README's map), one statement each.</summary>
public static class Client360Sql
{
    /// <summary>The seats the client put into each of its cohorts.</summary>
    public const string CohortSeats =
        """
        SELECT cc.CohortId, SUM(cc.Capacity) AS Seats
        FROM CohortContracts cc JOIN Contracts k ON k.Id = cc.ContractId
        WHERE k.ClientId = @ClientId
        GROUP BY cc.CohortId
        """;

    /// <summary>The client's people in each of its cohorts by lifecycle state.</summary>
    public const string CohortStates =
        """
        SELECT p.CohortId, p.State, COUNT(*) AS People
        FROM ReportingParticipants p
        WHERE p.ClientId = @ClientId
        GROUP BY p.CohortId, p.State
        """;

    public const string OpenActions =
        """
        SELECT a.Id, a.Kind, a.DueOn, a.Status, a.Priority, u.DisplayName AS OwnerName
        FROM CsActions a LEFT JOIN Users u ON u.Id = a.OwnerId
        WHERE a.ClientId = @ClientId AND a.Status IN ('Open', 'Snoozed')
        ORDER BY a.Priority, a.DueOn, a.Id
        """;

    /// <summary>Feedback from the client, or about one of its cohorts, newest first.</summary>
    public static string Feedback(SqlDialect dialect) =>
        $"""
        SELECT i.Id, i.Title, i.Status, i.Severity, i.CreatedAt
        FROM FeedbackItems i
        WHERE i.ClientId = @ClientId
           OR i.CohortId IN (SELECT cc.CohortId FROM CohortContracts cc JOIN Contracts ct ON ct.Id = cc.ContractId WHERE ct.ClientId = @ClientId)
        {dialect.OrderAndPage("i.Id DESC")}
        """;

    /// <summary>A 健保's member employers with their eligible population and what they hold in force today.</summary>
    public const string MemberRollUp =
        """
        SELECT c.Id, c.Name, c.EligiblePopulation,
               COALESCE(SUM(CASE WHEN ct.Status = 'Active' AND ct.StartDate <= @Today AND ct.EndDate >= @Today THEN ct.Seats END), 0) AS SeatsInForce,
               COALESCE(SUM(CASE WHEN ct.Status = 'Active' AND ct.StartDate <= @Today AND ct.EndDate >= @Today THEN CAST(ct.Seats AS BIGINT) * ct.PricePerSeatJpy END), 0) AS ValueInForceJpy
        FROM Clients c LEFT JOIN Contracts ct ON ct.ClientId = c.Id
        WHERE c.ParentClientId = @ClientId
        GROUP BY c.Id, c.Name, c.EligiblePopulation
        ORDER BY c.Name, c.Id
        """;
}
