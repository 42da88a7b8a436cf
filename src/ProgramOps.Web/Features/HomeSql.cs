namespace ProgramOps.Web.Features;

public static class HomeSql
{
    /// <summary>Active contracts ending soon, earliest first: the renewals BizDev and CS must act on.</summary>
    public static string UpcomingRenewals(SqlDialect dialect) =>
        $"""
        SELECT ct.ClientId, c.Name AS ClientName, ct.ProgramName, ct.EndDate, ct.AutoRenew, ct.Seats
        FROM Contracts ct
        JOIN Clients c ON c.Id = ct.ClientId
        WHERE ct.Status = 'Active' AND ct.EndDate >= @Today AND ct.EndDate <= @Until AND c.IsArchived = 0
        {dialect.OrderAndPage("ct.EndDate, c.Name, ct.Id")}
        """;
}
