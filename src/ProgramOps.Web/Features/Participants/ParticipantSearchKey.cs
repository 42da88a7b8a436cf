using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// How a name or its reading is kept for the participant list's search and how what staff type is folded to match it:
/// full-width and half-width alike (NFKC), case-blind, hiragana as katakana (so さとう finds サトウ), spaces left out (so
/// 佐藤花子 finds 佐藤 花子). A search finds the keys that start with the folded text, through an index.
/// </summary>
public static class ParticipantSearchKey
{
    /// <summary>Above every character a key can hold after the text it follows, so [text, text + this) is "starts with text".</summary>
    private static readonly string Highest = char.ConvertFromUtf32(0x10FFFF);

    public static string? Of(string? text)
    {
        var key = JapaneseText.ToKatakana(JapaneseText.Normalize(text)).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return key.Length == 0 ? null : key;
    }

    /// <summary>The keys that start with <paramref name="typed"/> once folded: from (inclusive) and to (exclusive); null for nothing to find.</summary>
    public static (string From, string To)? StartingWith(string? typed) =>
        Of(typed) is { } key ? (key, key + Highest) : null;

    /// <summary>An employee number or e-mail address as typed, for an exact match: trimmed, full-width folded.</summary>
    public static string? Exact(string? typed) => JapaneseText.Normalize(typed) is { Length: > 0 } folded ? folded : null;
}
