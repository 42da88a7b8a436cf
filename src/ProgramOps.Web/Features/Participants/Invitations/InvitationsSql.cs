namespace ProgramOps.Web.Features.Participants.Invitations;

public static class InvitationsSql
{
    public const string Cohort =
        """
        SELECT co.Id, co.Name, co.StartDate, co.EnrolmentCloses, v.Definition
        FROM Cohorts co JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        WHERE co.Id = @CohortId
        """;

    public const string Clients =
        """
        SELECT DISTINCT c.Id, c.Name FROM Participants p JOIN Clients c ON c.Id = p.ClientId
        WHERE p.CohortId = @CohortId ORDER BY c.Name
        """;

    /// <summary>
    /// Those of the cohort still invited (the app not linked) and invited on or before <c>@InvitedBefore</c>, of one client
    /// or all, in the roster's order: whom letters, codes and reminders are for.
    /// </summary>
    public const string Invited =
        """
        SELECT p.Id, p.EmployeeNumber, p.FullName, p.Kana, p.Email, p.Department, p.InvitationCode, p.CreatedAt AS InvitedAt,
               p.ClientId, c.Name AS ClientName
        FROM Participants p JOIN Clients c ON c.Id = p.ClientId
        WHERE p.CohortId = @CohortId AND p.State = 'Invited' AND p.CreatedAt <= @InvitedBefore
          AND (@ClientId IS NULL OR p.ClientId = @ClientId)
        ORDER BY p.ClientId, p.Id
        """;
}
