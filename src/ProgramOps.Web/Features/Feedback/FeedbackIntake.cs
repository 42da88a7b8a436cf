namespace ProgramOps.Web.Features.Feedback;

/// <summary>Writes a newly reported item, already routed, with its first report, decision and status, in the caller's transaction.</summary>
public static class FeedbackIntake
{
    public static async Task<int> InsertAsync(
        DbConnection c, DbTransaction t, SqlDialect dialect, FeedbackInput input, RoutingOutcome outcome, FeedbackActor actor)
    {
        var destination = outcome.Rules.Destination;
        var status = FeedbackWrites.StatusFor(destination);
        var itemId = await c.ExecuteScalarAsync<int>(FeedbackSql.Insert + dialect.SelectNewId, new
        {
            input.Title, input.Description, Source = input.Source.ToString(), input.ProgramId, input.ClientId, input.CohortId,
            Stage = input.Stage?.ToString(), Category = input.Category.ToString(), Severity = input.Severity.ToString(), input.AffectedCount,
            HelpsEveryUser = input.HelpsEveryUser.ToString(), ProgramSpecific = input.ProgramSpecific.ToString(), ClientAsked = input.ClientAsked.ToString(),
            Destination = destination.ToString(), outcome.Rules.Confidence, Status = status.ToString(),
            RoutedAt = status == FeedbackStatus.Routed ? actor.Now : (DateTimeOffset?)null, actor.Now, Actor = actor.Name,
        }, t);
        await InsertReportAsync(c, t, itemId, input, input.Description, actor);
        await FeedbackWrites.RecordDecisionAsync(c, t, dialect, itemId, DecisionKind.Rules, destination, outcome, null, actor);
        await FeedbackWrites.RecordStatusAsync(c, t, itemId, null, status, actor);
        return itemId;
    }

    public static Task InsertReportAsync(DbConnection c, DbTransaction t, int itemId, FeedbackInput input, string note, FeedbackActor actor) =>
        c.ExecuteAsync(FeedbackSql.InsertReport, new
        {
            ItemId = itemId, Source = input.Source.ToString(), Note = note, input.AffectedCount, ReporterId = actor.Id, Actor = actor.Name, actor.Now,
        }, t);
}
