namespace ProgramOps.Web.Features.Feedback;

/// <summary>A rule that fired for an item and the conditions that made it fire.</summary>
public sealed record RuleHit(int RuleId, string RuleName, int Position, Destination Destination, double Weight, IReadOnlyList<MatchedCondition> Matched)
{
    /// <summary>The rule's Japanese name; explanations stored before rules had one have none.</summary>
    public string? RuleNameJa { get; init; }
}

public enum TriageReason
{
    None,
    NoRuleFired,
    LowConfidence,
}

/// <summary>
/// The rule set's decision and why: every rule that fired, the score of each destination, the answers
/// that supported the winner, and the rule that tipped it (with what the result would be without it).
/// </summary>
public sealed record RoutingResult
{
    public Destination Destination { get; init; }

    /// <summary>The destination with the highest score, also when confidence was too low to route there.</summary>
    public Destination? Leading { get; init; }

    /// <summary>The leading score over all scores plus one, so a single weak rule is never certain.</summary>
    public double Confidence { get; init; }

    public TriageReason Triage { get; init; }
    public IReadOnlyDictionary<Destination, double> Scores { get; init; } = new Dictionary<Destination, double>();
    public IReadOnlyList<RuleHit> Hits { get; init; } = [];

    /// <summary>The heaviest rule for the leading destination: what tipped it.</summary>
    public RuleHit? Decisive { get; init; }

    /// <summary>Where the item would have gone without the decisive rule (Needs triage when nothing else fired).</summary>
    public Destination? WithoutDecisive { get; init; }

    public IReadOnlyList<MatchedCondition> AnswersThatMattered =>
        Hits.Where(h => h.Destination == Leading).SelectMany(h => h.Matched)
            .Where(m => m.Kind == ConditionKind.Answer).DistinctBy(m => m.Question).ToList();
}

/// <summary>Routes items with the ordered rule set: each firing rule adds its weight to its destination.</summary>
public sealed class RuleRouter
{
    /// <summary>Below this confidence the evidence does not decide and the item goes to Needs triage.</summary>
    public const double MinimumConfidence = 0.5;

    private static readonly Destination[] Routable = [Destination.BaseProduct, Destination.ProgramLayer, Destination.ClientAccount];
    private readonly CompiledRule[] rules;

    public RuleRouter(IEnumerable<RoutingRule> orderedRules) =>
        rules = orderedRules.Select((rule, index) => new CompiledRule(rule, index + 1)).Where(r => r.Rule.IsEnabled).ToArray();

    public RoutingResult Route(FeedbackFacts facts) => Route(facts, facts.FoldedText());

    public RoutingResult Route(FeedbackFacts facts, string foldedText)
    {
        var hits = new List<RuleHit>();
        foreach (var compiled in rules)
        {
            if (compiled.Match(facts, foldedText) is not { } matched) continue;
            var rule = compiled.Rule;
            hits.Add(new RuleHit(rule.Id, rule.Name, compiled.Position, rule.Destination, rule.Weight, matched) { RuleNameJa = rule.NameJa });
        }

        var scores = Score(hits);
        var leading = Lead(hits, scores);
        if (leading is null)
        {
            return new RoutingResult { Destination = Destination.NeedsTriage, Triage = TriageReason.NoRuleFired, Scores = scores, Hits = hits };
        }

        var confidence = scores[leading.Value] / (scores.Values.Sum() + 1);
        var decisive = hits.Where(h => h.Destination == leading).OrderByDescending(h => h.Weight).ThenBy(h => h.Position).First();
        var others = hits.Where(h => h != decisive).ToList();
        var triaged = confidence < MinimumConfidence;
        return new RoutingResult
        {
            Destination = triaged ? Destination.NeedsTriage : leading.Value,
            Leading = leading,
            Confidence = confidence,
            Triage = triaged ? TriageReason.LowConfidence : TriageReason.None,
            Scores = scores,
            Hits = hits,
            Decisive = decisive,
            WithoutDecisive = Lead(others, Score(others)) ?? Destination.NeedsTriage,
        };
    }

    private static Dictionary<Destination, double> Score(IReadOnlyList<RuleHit> hits)
    {
        var scores = Routable.ToDictionary(d => d, _ => 0.0);
        foreach (var hit in hits) scores[hit.Destination] += hit.Weight;
        return scores;
    }

    /// <summary>The highest-scoring destination; on equal scores the one whose first rule comes earlier.</summary>
    private static Destination? Lead(IReadOnlyList<RuleHit> hits, Dictionary<Destination, double> scores) =>
        hits.Count == 0
            ? null
            : hits.GroupBy(h => h.Destination)
                .OrderByDescending(g => scores[g.Key]).ThenBy(g => g.Min(h => h.Position))
                .First().Key;
}

/// <summary>A routing result as the explanation shows it, with the programs its conditions name by code shown by name.</summary>
public sealed record ExplanationView(RoutingResult Result, Func<string, string> ProgramName);
