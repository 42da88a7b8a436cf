namespace ProgramOps.Web.Features.Feedback;

/// <summary>An open item a new report may repeat.</summary>
public sealed record DuplicateCandidate
{
    public int Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
}

public sealed record DuplicateMatch(DuplicateCandidate Item, double Similarity);

/// <summary>
/// Finds open items that say the same thing: the Dice coefficient of the folded texts' character
/// bigram sets, which works for Japanese (no spaces) and English alike and ignores width and kana.
/// </summary>
public static class DuplicateFinder
{
    public const double Threshold = 0.4;
    public const int MaxSuggestions = 3;

    public static double Similarity(string foldedA, string foldedB) =>
        Dice(FeedbackTextFolding.NGrams(foldedA, 2), FeedbackTextFolding.NGrams(foldedB, 2));

    public static IReadOnlyList<DuplicateMatch> Find(FeedbackFacts item, IEnumerable<DuplicateCandidate> openItems)
    {
        var grams = FeedbackTextFolding.NGrams(item.FoldedText(), 2);
        return openItems
            .Select(c => new DuplicateMatch(c, Dice(grams, FeedbackTextFolding.NGrams(FeedbackTextFolding.Fold(c.Title + "\n" + c.Description), 2))))
            .Where(m => m.Similarity >= Threshold)
            .OrderByDescending(m => m.Similarity).ThenBy(m => m.Item.Id)
            .Take(MaxSuggestions)
            .ToList();
    }

    private static double Dice(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }
}
