using System.Text.RegularExpressions;

namespace ProgramOps.DataTests.Schema;

/// <summary>Indexes and CHECK constraints written the same way for both dialects, so the two can be compared as text.</summary>
internal static partial class SchemaShapes
{
    public static string Index(string table, string name, bool unique, IEnumerable<string> columns, bool filtered) =>
        $"{table}.{name}: {(unique ? "UNIQUE " : "")}({string.Join(", ", columns)}){(filtered ? " WHERE …" : "")}".ToUpperInvariant();

    /// <summary>The condition without case, spaces, identifier quotes or the parentheses that enclose all of it.</summary>
    public static string Check(string table, string condition)
    {
        var text = Noise().Replace(condition, "").ToUpperInvariant();
        while (text.StartsWith('(') && text.EndsWith(')') && Balanced(text[1..^1])) text = text[1..^1];
        return $"{table.ToUpperInvariant()}: CHECK {text}";
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) return false;
        }

        return depth == 0;
    }

    [GeneratedRegex("""[\s\[\]"]""")]
    private static partial Regex Noise();
}
