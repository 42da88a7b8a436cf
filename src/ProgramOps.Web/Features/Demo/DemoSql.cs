namespace ProgramOps.Web.Features.Demo;

public static class DemoSql
{
    public const string CountClients = """
        SELECT COUNT(*) FROM Clients
        """;

    public const string FindUserId = """
        SELECT Id FROM Users WHERE UserName = @UserName
        """;

    public const string CountPrograms = "SELECT COUNT(*) FROM Programs";

    /// <summary>The active contracts with the most seats, for the demo cohorts.</summary>
    public static string LargestActiveContracts(SqlDialect dialect) => $"""
        SELECT ct.Id, c.Name AS ClientName, ct.Seats, c.Kind
        FROM Contracts ct JOIN Clients c ON c.Id = ct.ClientId
        WHERE ct.Status = 'Active' AND c.IsArchived = 0
        {dialect.OrderAndPage("ct.Seats DESC, ct.Id")}
        """;
}
