namespace ProgramOps.Web.Features.Admin.ParticipantViews;

public static class ParticipantViewsSql
{
    /// <summary>The newest views first, older than <c>@Before</c> (the next page), of one participant and/or by one user.</summary>
    public static string Search(SqlDialect dialect) =>
        $"""
        SELECT v.Id, v.ParticipantId, v.UserName, u.DisplayName, v.WithPersonalData, v.ViewedAt
        FROM ParticipantViews v
        LEFT JOIN Users u ON u.Id = v.UserId
        WHERE (@ParticipantId IS NULL OR v.ParticipantId = @ParticipantId)
          AND (@UserName IS NULL OR v.UserName = @UserName)
          AND (@Before IS NULL OR v.Id < @Before)
        {dialect.OrderAndPage("v.Id DESC")}
        """;
}
