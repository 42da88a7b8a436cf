namespace ProgramOps.Web.Features.Feedback;

/// <summary>A past decision by a person: the item as reported and where it finally belonged.</summary>
public sealed record TrainingExample(FeedbackFacts Facts, Destination Destination);

/// <summary>
/// The learned model's suggestion, with the signals that pushed it there most: the item's own words (not the character
/// n-grams the model counts) and its fields and answers, worded by the page like a rule's conditions.
/// </summary>
public sealed record LearnedSuggestion(Destination Destination, double Probability, IReadOnlyList<MatchedCondition> Signals);

/// <summary>
/// Multinomial naive Bayes over character 2- and 3-grams of the folded text (Japanese needs no word
/// splitting that way) plus the item's fields and answers. It trains in milliseconds in-process, so the
/// model always reflects the decisions stored so far. It only suggests; it never changes a destination.
/// </summary>
public sealed class NaiveBayesRouter
{
    private const double Smoothing = 0.5;

    /// <summary>
    /// Naive Bayes is overconfident (its features are not independent), most of all when it has seen little: its probability
    /// is shrunk toward the destinations' base rates as if this many more examples had said only that. With the 66 seed
    /// examples a clear case still reads about 90 %; with a handful, never 100 %.
    /// </summary>
    public const double PriorStrength = 10;

    /// <summary>Fields are one feature each against dozens of n-grams; this weight lets them count.</summary>
    private const int FieldWeight = 3;

    /// <summary>The stage feature of an item about the client account (no participant stage): a value of its own.</summary>
    private const string NoStage = "none";

    private static readonly Destination[] Classes = [Destination.BaseProduct, Destination.ProgramLayer, Destination.ClientAccount];
    private readonly Dictionary<string, double[]> logLikelihoods;
    private readonly double[] logPriors;

    private NaiveBayesRouter(Dictionary<string, double[]> logLikelihoods, double[] logPriors, int trainingSize)
    {
        this.logLikelihoods = logLikelihoods;
        this.logPriors = logPriors;
        TrainingSize = trainingSize;
    }

    public int TrainingSize { get; }

    public static NaiveBayesRouter Train(IEnumerable<TrainingExample> examples)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var documents = new int[Classes.Length];
        var totals = new int[Classes.Length];
        foreach (var example in examples)
        {
            var c = Array.IndexOf(Classes, example.Destination);
            if (c < 0) continue;
            documents[c]++;
            foreach (var (feature, weight) in Features(example.Facts, example.Facts.FoldedText()))
            {
                if (!counts.TryGetValue(feature, out var perClass)) counts[feature] = perClass = new int[Classes.Length];
                perClass[c] += weight;
                totals[c] += weight;
            }
        }

        var vocabulary = counts.Count;
        var likelihoods = counts.ToDictionary(
            pair => pair.Key,
            pair => Enumerable.Range(0, Classes.Length)
                .Select(c => Math.Log((pair.Value[c] + Smoothing) / (totals[c] + (Smoothing * vocabulary)))).ToArray(),
            StringComparer.Ordinal);
        var trainingSize = documents.Sum();
        var priors = documents.Select(d => Math.Log((d + 1.0) / (trainingSize + Classes.Length))).ToArray();
        return new NaiveBayesRouter(likelihoods, priors, trainingSize);
    }

    public LearnedSuggestion Suggest(FeedbackFacts facts) => Suggest(facts, facts.FoldedText(), signalCount: 0);

    public LearnedSuggestion Suggest(FeedbackFacts facts, string foldedText, int signalCount)
    {
        var scores = (double[])logPriors.Clone();
        var known = new List<(string Feature, int Weight, double[] Logs)>();
        foreach (var (feature, weight) in Features(facts, foldedText))
        {
            if (!logLikelihoods.TryGetValue(feature, out var logs)) continue;
            for (var c = 0; c < scores.Length; c++) scores[c] += weight * logs[c];
            if (signalCount > 0) known.Add((feature, weight, logs));
        }

        var best = Array.IndexOf(scores, scores.Max());
        var modelProbability = 1 / scores.Sum(s => Math.Exp(s - scores[best]));
        var baseRate = Math.Exp(logPriors[best]) / logPriors.Sum(Math.Exp);
        var probability = ((TrainingSize * modelProbability) + (PriorStrength * baseRate)) / (TrainingSize + PriorStrength);
        var words = signalCount > 0 ? FeedbackTextFolding.Words(facts.Title + "\n" + facts.Description) : [];
        var signals = known
            .Select(k => (k.Feature, Lift: k.Weight * (k.Logs[best] - k.Logs.Where((_, c) => c != best).Max())))
            .Where(k => k.Lift > 0).OrderByDescending(k => k.Lift)
            .Select(k => Readable(k.Feature, words)).OfType<MatchedCondition>().Distinct().Take(signalCount).ToList();
        return new LearnedSuggestion(Classes[best], probability, signals);
    }

    /// <summary>
    /// A feature as a person reads it: a field or an answer as a condition, an n-gram as the word of the item it came from
    /// ("ニコ" → "ニコチンガム"); null for what has no reading (the program, by its code; an unknown answer).
    /// </summary>
    private static MatchedCondition? Readable(string feature, IReadOnlyList<(string Word, string Folded)> words)
    {
        var colon = feature.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return words.FirstOrDefault(w => w.Folded.Contains(feature, StringComparison.Ordinal)).Word is { } word ? new MatchedCondition(ConditionKind.Keyword, word) : null;
        var (name, value) = (feature[..colon], feature[(colon + 1)..]);
        return name switch
        {
            "source" => new MatchedCondition(ConditionKind.Source, value),
            "category" => new MatchedCondition(ConditionKind.Category, value),
            "stage" when value != NoStage => new MatchedCondition(ConditionKind.Stage, value),
            _ when Enum.TryParse<ScopeQuestion>(name, out var question) && value != nameof(ScopeAnswer.Unknown) => new MatchedCondition(ConditionKind.Answer, value, question),
            _ => null,
        };
    }

    /// <summary>Each distinct n-gram once (short texts repeat little), each field and answer with its weight.</summary>
    private static IEnumerable<(string Feature, int Weight)> Features(FeedbackFacts facts, string foldedText)
    {
        yield return ($"source:{facts.Source}", FieldWeight);
        yield return ($"category:{facts.Category}", FieldWeight);
        yield return ($"stage:{facts.Stage?.ToString() ?? NoStage}", FieldWeight);
        if (facts.Program is { Length: > 0 } program) yield return ($"program:{program}", FieldWeight);
        yield return ($"{nameof(ScopeQuestion.HelpsEveryUser)}:{facts.HelpsEveryUser}", FieldWeight);
        yield return ($"{nameof(ScopeQuestion.ProgramSpecific)}:{facts.ProgramSpecific}", FieldWeight);
        yield return ($"{nameof(ScopeQuestion.ClientAsked)}:{facts.ClientAsked}", FieldWeight);
        var grams = FeedbackTextFolding.NGrams(foldedText, 2);
        grams.UnionWith(FeedbackTextFolding.NGrams(foldedText, 3));
        foreach (var gram in grams) yield return (gram, 1);
    }
}
