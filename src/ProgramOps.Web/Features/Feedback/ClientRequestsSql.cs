namespace ProgramOps.Web.Features.Feedback;

public static class ClientRequestsSql
{
    /// <summary>The requests a client's users filed on the client portal (created under a portal user name), newest first.</summary>
    public const string OfClient =
        """
        SELECT Id, Title, Status, CreatedAt, UpdatedAt FROM FeedbackItems
        WHERE ClientId = @ClientId AND Source = 'Client' AND CreatedBy LIKE 'portal:%'
        ORDER BY Id DESC
        """;
}
