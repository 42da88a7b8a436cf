namespace ProgramOps.Web.Features.Feedback;

/// <summary>A rule as stored: its conditions are JSON, its order the Position column.</summary>
public sealed record RoutingRuleRow
{
    public int Id { get; init; }
    public int Position { get; init; }
    public required string Name { get; init; }
    public string? NameJa { get; init; }
    public Destination Destination { get; init; }
    public double Weight { get; init; }
    public required string Conditions { get; init; }
    public bool IsEnabled { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    public RoutingRule ToRule() => new()
    {
        Id = Id, Name = Name, NameJa = NameJa, Destination = Destination, Weight = Weight, IsEnabled = IsEnabled,
        When = FeedbackJson.Deserialize<RuleConditions>(Conditions),
    };
}

/// <summary>The destination column of a decision row, split off from the item's facts.</summary>
public sealed record DecidedDestination
{
    public Destination Destination { get; init; }
}

/// <summary>The rule set's decision and the learned model's suggestion for one item, side by side.</summary>
public sealed record RoutingOutcome(RoutingResult Rules, LearnedSuggestion Suggestion);

/// <summary>The rules and the model trained on seed examples plus every human decision stored so far.</summary>
public sealed record RoutingSnapshot(IReadOnlyList<RoutingRule> Rules, RuleRouter Router, NaiveBayesRouter Model, IReadOnlyList<TrainingExample> Examples)
{
    public const int SignalsShown = 5;

    public RoutingOutcome Route(FeedbackFacts facts)
    {
        var folded = facts.FoldedText();
        return new RoutingOutcome(Router.Route(facts, folded), Model.Suggest(facts, folded, SignalsShown));
    }

    public static RoutingSnapshot Build(IReadOnlyList<RoutingRule> rules, IReadOnlyList<TrainingExample> humanDecisions)
    {
        IReadOnlyList<TrainingExample> examples = [.. FeedbackSeed.Examples, .. humanDecisions];
        return new RoutingSnapshot(rules, new RuleRouter(rules), NaiveBayesRouter.Train(examples), examples);
    }
}

/// <summary>
/// Keeps the current rules and model in memory. Rule edits and human decisions on this node invalidate
/// it at once; other nodes pick them up within <see cref="MaxAge"/>. Training takes milliseconds, so
/// rebuilding from the database is cheap.
/// </summary>
public sealed class FeedbackRouting(Db db, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);
    private volatile Cached? current;
    private int generation;

    /// <summary>A reference, so requests on other threads read it whole or not at all.</summary>
    private sealed record Cached(RoutingSnapshot Snapshot, DateTimeOffset BuiltAt);

    public async Task<RoutingSnapshot> CurrentAsync(CancellationToken ct)
    {
        if (current is { } cached && time.GetUtcNow() - cached.BuiltAt < MaxAge) return cached.Snapshot;
        var startedAt = Volatile.Read(ref generation);
        await using var connection = await db.OpenAsync(ct);
        var rules = await LoadRulesAsync(connection, ct);
        var decisions = await connection.QueryAsync<FeedbackFacts, DecidedDestination, TrainingExample>(
            new CommandDefinition(FeedbackSql.HumanDecisions, cancellationToken: ct), (facts, decided) => new TrainingExample(facts, decided.Destination),
            splitOn: nameof(DecidedDestination.Destination));
        var snapshot = RoutingSnapshot.Build(rules, decisions.ToList());
        // A change committed while this snapshot was read makes it stale: use it for this request, keep nothing.
        if (Volatile.Read(ref generation) == startedAt) current = new Cached(snapshot, time.GetUtcNow());
        return snapshot;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        current = null;
    }

    private static async Task<IReadOnlyList<RoutingRule>> LoadRulesAsync(DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<RoutingRuleRow>(new CommandDefinition(RoutingRulesSql.All, cancellationToken: ct))).Select(r => r.ToRule()).ToList();
}
