using System.Text;

namespace ProgramOps.Web.Infrastructure.Text;

/// <summary>Normalises what people type in Japanese forms and CSV files.</summary>
public static class JapaneseText
{
    /// <summary>
    /// NFKC folds full-width digits, letters and spaces to their usual forms and half-width katakana to
    /// full-width; runs of white space collapse to one space.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        // Most values are already folded; the checks spare a roster import two copies of each of its fields.
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return HasSingleSpacesOnly(folded)
            ? folded
            : string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Hiragana become katakana, so ふりがな typed either way is stored the same.</summary>
    public static string ToKatakana(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('ぁ', 'ゖ')) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(c is >= 'ぁ' and <= 'ゖ' ? (char)(c + 0x60) : c);
        return builder.ToString();
    }

    public static bool IsKatakanaReading(string text) =>
        text.All(c => c is (>= 'ァ' and <= 'ヺ') or 'ー' or '・' or ' ' or 'ヽ' or 'ヾ');

    /// <summary>Whether the only white space is single ASCII spaces between words.</summary>
    private static bool HasSingleSpacesOnly(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || char.IsWhiteSpace(text[i + 1]))) return false;
        }
        return true;
    }
}
