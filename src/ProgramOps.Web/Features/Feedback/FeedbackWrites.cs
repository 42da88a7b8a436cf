namespace ProgramOps.Web.Features.Feedback;

/// <summary>Who writes and when: every feedback write records both.</summary>
public sealed record FeedbackActor(int? Id, string Name, DateTimeOffset Now);

public enum DecisionKind
{
    Rules,
    Override,
}

/// <summary>The history rows every feedback write adds inside its transaction.</summary>
public static class FeedbackWrites
{
    /// <summary>
    /// A routing decision with the learned suggestion of the moment; a rules decision also stores its
    /// explanation and the rules that fired, which the override rate by rule counts.
    /// </summary>
    public static async Task RecordDecisionAsync(
        DbConnection c, DbTransaction t, SqlDialect dialect, int itemId, DecisionKind kind, Destination destination,
        RoutingOutcome outcome, string? reason, FeedbackActor actor)
    {
        var rules = kind == DecisionKind.Rules ? outcome.Rules : null;
        var decisionId = await c.ExecuteScalarAsync<int>(FeedbackSql.InsertDecision + dialect.SelectNewId, new
        {
            ItemId = itemId, Kind = kind.ToString(), Destination = destination.ToString(), rules?.Confidence,
            SuggestedDestination = outcome.Suggestion.Destination.ToString(), SuggestedProbability = outcome.Suggestion.Probability,
            Explanation = rules is null ? null : FeedbackJson.Serialize(rules), Reason = reason, ActorId = actor.Id, Actor = actor.Name, actor.Now,
        }, t);
        if (rules is null) return;
        await c.ExecuteAsync(FeedbackSql.InsertDecisionRule,
            rules.Hits.Where(h => h.RuleId > 0).DistinctBy(h => h.RuleId)
                .Select(h => new { DecisionId = decisionId, h.RuleId, Destination = h.Destination.ToString() }), t);
    }

    public static Task RecordStatusAsync(DbConnection c, DbTransaction t, int itemId, FeedbackStatus? from, FeedbackStatus to, FeedbackActor actor) =>
        c.ExecuteAsync(FeedbackSql.InsertStatusChange, new
        {
            ItemId = itemId, FromStatus = from?.ToString(), ToStatus = to.ToString(), ActorId = actor.Id, Actor = actor.Name, actor.Now,
        }, t);

    /// <summary>Where an item stands once routed: queued when it has a destination, new (awaiting triage) when not.</summary>
    public static FeedbackStatus StatusFor(Destination destination) =>
        destination == Destination.NeedsTriage ? FeedbackStatus.New : FeedbackStatus.Routed;
}

/// <summary>The status workflow: New → Routed → Accepted → In progress → Done, with Won't do from any open step.</summary>
public static class FeedbackWorkflow
{
    public static IReadOnlyList<FeedbackStatus> Next(FeedbackStatus status) => status switch
    {
        FeedbackStatus.New => [FeedbackStatus.WontDo],
        FeedbackStatus.Routed => [FeedbackStatus.Accepted, FeedbackStatus.WontDo],
        FeedbackStatus.Accepted => [FeedbackStatus.InProgress, FeedbackStatus.WontDo],
        FeedbackStatus.InProgress => [FeedbackStatus.Done, FeedbackStatus.WontDo],
        FeedbackStatus.WontDo => [FeedbackStatus.Routed],
        _ => [],
    };

    public static bool IsOpen(FeedbackStatus status) => status is not (FeedbackStatus.Done or FeedbackStatus.WontDo);
}
