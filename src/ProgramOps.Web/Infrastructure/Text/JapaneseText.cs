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
        var folded = text.Normalize(NormalizationForm.FormKC);
        return string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Hiragana become katakana, so ふりがな typed either way is stored the same.</summary>
    public static string ToKatakana(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(c is >= 'ぁ' and <= 'ゖ' ? (char)(c + 0x60) : c);
        return builder.ToString();
    }

    public static bool IsKatakanaReading(string text) =>
        text.All(c => c is (>= 'ァ' and <= 'ヺ') or 'ー' or '・' or ' ' or 'ヽ' or 'ヾ');
}
