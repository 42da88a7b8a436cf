using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Feedback;

/// <summary>What the router and the learner know about a feedback item.</summary>
public sealed record FeedbackFacts
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public FeedbackSource Source { get; init; }
    public FeedbackCategory Category { get; init; }
    /// <summary>The participant funnel stage it concerns; null when it is about the client account, not a participant's path.</summary>
    public FunnelStage? Stage { get; init; }
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

    /// <summary>
    /// The words of a text as it was typed, each with its folded form: runs of one script (kanji, katakana, hiragana, Latin
    /// letters and digits), which is how Japanese words show without a dictionary (ニコチンガム, 配送, app).
    /// </summary>
    public static IReadOnlyList<(string Word, string Folded)> Words(string? text)
    {
        text ??= "";
        var words = new List<(string, string)>();
        var start = 0;
        var script = Script.None;
        for (var i = 0; i <= text.Length; i++)
        {
            var next = i < text.Length ? ScriptOf(text[i]) : Script.None;
            if (next == script) continue;
            if (script != Script.None && i - start >= 2) words.Add((text[start..i], Fold(text[start..i])));
            (start, script) = (i, next);
        }

        return words;
    }

    private enum Script { None, Latin, Hiragana, Katakana, Kanji }

    private static Script ScriptOf(char c) => c switch
    {
        >= 'ぁ' and <= 'ゖ' => Script.Hiragana,
        (>= 'ァ' and <= 'ヺ') or 'ー' or (>= 'ｦ' and <= 'ﾟ') => Script.Katakana,
        (>= '一' and <= '鿿') or '々' => Script.Kanji,
        _ when char.IsLetterOrDigit(c) => Script.Latin,
        _ => Script.None,
    };

    public static HashSet<string> NGrams(string folded, int length) =>
        NGramStarts(folded, length).Select(start => folded.Substring(start, length)).ToHashSet(StringComparer.Ordinal);
}
