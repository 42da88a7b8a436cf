using ProgramOps.Web.Features.Participants;

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
        SELECT ct.Id, ct.ClientId, c.Name AS ClientName, ct.Seats, c.Kind, ct.StartDate
        FROM Contracts ct JOIN Clients c ON c.Id = ct.ClientId
        WHERE ct.Status = 'Active' AND c.IsArchived = 0
        {dialect.OrderAndPage("ct.Seats DESC, ct.Id")}
        """;

    public const string InvitationCodes = """
        SELECT InvitationCode FROM Participants WHERE CohortId = @CohortId ORDER BY Id
        """;

    /// <summary>Who is enrolled and in a team, ready for onboarding.</summary>
    public const string EnrolledInTeams = """
        SELECT Id, Version FROM Participants WHERE CohortId = @CohortId AND State = 'Enrolled' AND TeamId IS NOT NULL ORDER BY Id
        """;
}
