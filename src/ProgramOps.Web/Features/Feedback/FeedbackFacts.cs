using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Feedback;

/// <summary>What the router and the learner know about a feedback item.</summary>
public sealed record FeedbackFacts
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public FeedbackSource Source { get; init; }
    public FeedbackCategory Category { get; init; }
    public FunnelStage Stage { get; init; }
    public string? Program { get; init; }
    public ScopeAnswer HelpsEveryUser { get; init; }
    public ScopeAnswer ProgramSpecific { get; init; }
    public ScopeAnswer ClientAsked { get; init; }

    public ScopeAnswer Answer(ScopeQuestion question) => question switch
    {
        ScopeQuestion.HelpsEveryUser => HelpsEveryUser,
        ScopeQuestion.ProgramSpecific => ProgramSpecific,
        ScopeQuestion.ClientAsked => ClientAsked,
        _ => throw new ArgumentOutOfRangeException(nameof(question), question, null),
    };

    /// <summary>Title and description folded once, for keyword rules, n-grams and duplicate search alike.</summary>
    public string FoldedText() => FeedbackTextFolding.Fold(Title + "\n" + Description);
}

/// <summary>
/// Folds text so that the same words match however they were typed: NFKC (full/half width), lower case,
/// and hiragana as katakana. Japanese has no spaces, so matching works on substrings and character n-grams.
/// </summary>
public static class FeedbackTextFolding
{
    public static string Fold(string? text) => JapaneseText.ToKatakana(JapaneseText.Normalize(text).ToLowerInvariant());

    /// <summary>The start offsets of the character n-grams of <paramref name="folded"/> that hold no white space.</summary>
    public static IEnumerable<int> NGramStarts(string folded, int length)
    {
        var run = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            run = char.IsWhiteSpace(folded[i]) ? 0 : run + 1;
            if (run >= length) yield return i - length + 1;
        }
    }

    public static HashSet<string> NGrams(string folded, int length) =>
        NGramStarts(folded, length).Select(start => folded.Substring(start, length)).ToHashSet(StringComparer.Ordinal);
}
