using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Infrastructure.Data;

/// <summary>Search boxes become LIKE patterns (used with ESCAPE '\'), with % and _ meant literally.</summary>
public static class LikePattern
{
    /// <summary>"%text%" for what the user typed (normalised), or null when they typed nothing.</summary>
    public static string? Containing(string? typed)
    {
        var text = JapaneseText.Normalize(typed);
        return text.Length == 0 ? null : $"%{text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
    }
}
