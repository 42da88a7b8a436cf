namespace ProgramOps.Web.Features.Feedback;

/// <summary>
/// When a rule fires. Every condition that is set must hold; within a list any one value is enough.
/// Keywords are matched as folded substrings of the title and description.
/// </summary>
public sealed record RuleConditions
{
    public IReadOnlyList<FeedbackSource> Sources { get; init; } = [];
    public IReadOnlyList<FeedbackCategory> Categories { get; init; } = [];
    public IReadOnlyList<FunnelStage> Stages { get; init; } = [];
    public IReadOnlyList<string> Programs { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public ScopeAnswer? HelpsEveryUser { get; init; }
    public ScopeAnswer? ProgramSpecific { get; init; }
    public ScopeAnswer? ClientAsked { get; init; }

    public ScopeAnswer? Expected(ScopeQuestion question) => question switch
    {
        ScopeQuestion.HelpsEveryUser => HelpsEveryUser,
        ScopeQuestion.ProgramSpecific => ProgramSpecific,
        ScopeQuestion.ClientAsked => ClientAsked,
        _ => throw new ArgumentOutOfRangeException(nameof(question), question, null),
    };

    public bool IsEmpty => Sources.Count == 0 && Categories.Count == 0 && Stages.Count == 0 && Programs.Count == 0
                           && Keywords.Count == 0 && HelpsEveryUser is null && ProgramSpecific is null && ClientAsked is null;
}

/// <summary>One rule of the ordered rule set: its conditions, the destination it votes for, and how strongly.</summary>
public sealed record RoutingRule
{
    public int Id { get; init; }
    /// <summary>The English name (rules stored before names had two languages have only this one).</summary>
    public required string Name { get; init; }

    /// <summary>The Japanese name.</summary>
    public string? NameJa { get; init; }

    public Destination Destination { get; init; }
    public double Weight { get; init; }
    public RuleConditions When { get; init; } = new();
    public bool IsEnabled { get; init; } = true;
}

public enum ConditionKind
{
    Source,
    Category,
    Stage,
    Program,
    Keyword,
    Answer,
}

/// <summary>One condition that held, with the value it matched (the keyword found, the answer given, …).</summary>
public sealed record MatchedCondition(ConditionKind Kind, string Value, ScopeQuestion? Question = null);

/// <summary>A rule compiled for matching: its keywords folded once, not once per item.</summary>
public sealed class CompiledRule
{
    private static readonly ScopeQuestion[] Questions = Enum.GetValues<ScopeQuestion>();
    private readonly string[] foldedKeywords;

    public CompiledRule(RoutingRule rule, int position)
    {
        Rule = rule;
        Position = position;
        foldedKeywords = rule.When.Keywords.Select(FeedbackTextFolding.Fold).Where(k => k.Length > 0).ToArray();
    }

    public RoutingRule Rule { get; }

    /// <summary>The rule's place in the ordered set, from 1; earlier rules win ties.</summary>
    public int Position { get; }

    /// <summary>The conditions that held, or null when the rule does not fire.</summary>
    public IReadOnlyList<MatchedCondition>? Match(FeedbackFacts facts, string foldedText)
    {
        var when = Rule.When;
        var matched = new List<MatchedCondition>(4);
        if (!MatchList(when.Sources, facts.Source, ConditionKind.Source, matched)) return null;
        if (!MatchList(when.Categories, facts.Category, ConditionKind.Category, matched)) return null;
        if (!MatchList(when.Stages, facts.Stage, ConditionKind.Stage, matched)) return null;
        if (when.Programs.Count > 0)
        {
            var program = when.Programs.FirstOrDefault(p => string.Equals(p, facts.Program, StringComparison.OrdinalIgnoreCase));
            if (program is null) return null;
            matched.Add(new MatchedCondition(ConditionKind.Program, program));
        }

        if (foldedKeywords.Length > 0)
        {
            var keyword = Array.Find(foldedKeywords, k => foldedText.Contains(k, StringComparison.Ordinal));
            if (keyword is null) return null;
            matched.Add(new MatchedCondition(ConditionKind.Keyword, keyword));
        }

        foreach (var question in Questions)
        {
            if (when.Expected(question) is not { } expected) continue;
            var answer = facts.Answer(question);
            if (answer != expected) return null;
            matched.Add(new MatchedCondition(ConditionKind.Answer, answer.ToString(), question));
        }

        return matched;
    }

    private static bool MatchList<T>(IReadOnlyList<T> allowed, T actual, ConditionKind kind, List<MatchedCondition> matched) where T : struct, Enum
    {
        if (allowed.Count == 0) return true;
        if (!allowed.Contains(actual)) return false;
        matched.Add(new MatchedCondition(kind, actual.ToString()));
        return true;
    }
}
