using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace ProgramOps.TestSupport;

/// <summary>
/// The console's own identifiers — the member names of its enums and the keys of its texts — which a page must never show:
/// one in a page's text means something was not put into words. Collected by reflection, so a new enum or text is covered
/// the day it is added.
/// </summary>
public static partial class ConsoleIdentifiers
{
    private static readonly System.Reflection.Assembly Web = typeof(ProgramOps.Web.Infrastructure.Auth.Roles).Assembly;
    private static readonly Lazy<HashSet<string>> Identifiers = new(Collect);
    private static readonly Lazy<Dictionary<string, HashSet<string>>> WordsByLanguage = new(() => new()
    {
        ["en"] = WordsOf(CultureInfo.InvariantCulture),
        ["ja"] = WordsOf(new CultureInfo("ja")),
    });

    public static IReadOnlyCollection<string> All => Identifiers.Value;

    /// <summary>
    /// The identifiers in a page's text in <paramref name="language"/> ("en" or "ja"), as whole words. A name the texts of that
    /// language use as a word ("BizDev" in English) is a word there, not an identifier.
    /// </summary>
    public static IReadOnlyList<string> FoundIn(string text, string language) =>
        [.. Token().Matches(text).Select(m => m.Value.TrimEnd('.'))
            .Where(t => Identifiers.Value.Contains(t) && !WordsByLanguage.Value[language].Contains(t)).Distinct().Order(StringComparer.Ordinal)];

    private static HashSet<string> Collect()
    {
        var enumNames = Web.GetTypes()
            .Where(t => t.IsEnum && t.Namespace?.StartsWith("ProgramOps.Web.Features", StringComparison.Ordinal) == true)
            .SelectMany(Enum.GetNames)
            .Where(IsCompound);
        var keys = NeutralResources().SelectMany(r => r.Keys).Where(k => k.Contains('.', StringComparison.Ordinal) && !k.Contains(' ', StringComparison.Ordinal));
        return [.. enumNames.Concat(keys)];
    }

    /// <summary>
    /// AtRisk, MarkAtRisk, BaseProduct: a single English word ("Active", "Draft") is ordinary text too, and the English page
    /// shows words like it by design, so only compound names count as identifiers.
    /// </summary>
    private static bool IsCompound(string name) => name.Skip(1).Any(char.IsUpper) && name.Any(char.IsLower);

    private static HashSet<string> WordsOf(CultureInfo culture) =>
        [.. NeutralResources().SelectMany(r => r.Values(culture)).SelectMany(v => Token().Matches(v).Select(m => m.Value.TrimEnd('.')))];

    private static IEnumerable<(IReadOnlyList<string> Keys, Func<CultureInfo, IEnumerable<string>> Values)> NeutralResources()
    {
        foreach (var name in Web.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal)))
        {
            using var stream = Web.GetManifestResourceStream(name)!;
            using var reader = new ResourceReader(stream);
            var keys = reader.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();
            var manager = new ResourceManager(name[..^".resources".Length], Web);
            yield return (keys, culture => keys.Select(k => manager.GetString(k, culture) ?? ""));
        }
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*")]
    private static partial Regex Token();
}
