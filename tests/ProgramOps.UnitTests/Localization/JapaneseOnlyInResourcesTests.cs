using System.Text.RegularExpressions;
using ProgramOps.TestSupport;

namespace ProgramOps.UnitTests.Localization;

/// <summary>
/// The English page shows no Japanese-only text: pages, components and their models write no Japanese of their own (kana
/// or kanji in a string literal or in markup); it comes from the .ja.resx texts. Data that is Japanese by nature is named.
/// </summary>
public sealed partial class JapaneseOnlyInResourcesTests
{
    /// <summary>Japanese by nature: the roster's header names, the templates' and the demo's data, the language's own name.</summary>
    private static readonly string[] JapaneseByNature =
    [
        Path.Combine("Cohorts", "Roster", "RosterHeaderNames.cs"),
        Path.Combine("Programs", "ProgramTemplates.cs"),
        "Demo" + Path.DirectorySeparatorChar,
    ];

    [Fact]
    public void No_page_component_or_feature_class_writes_Japanese_text_itself()
    {
        var features = Path.Combine(RepositoryPaths.WebProject, "Features");
        var problems = Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".cshtml", StringComparison.Ordinal) || p.EndsWith(".razor", StringComparison.Ordinal))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => !JapaneseByNature.Any(nature => Path.GetRelativePath(features, p).StartsWith(nature, StringComparison.Ordinal)))
            .SelectMany(p => File.ReadLines(p).Select((line, i) => (Path: Path.GetRelativePath(features, p), Line: i + 1, Text: WithoutComments(line))))
            .Where(l => (l.Path.EndsWith(".cs", StringComparison.Ordinal) ? JapaneseString().IsMatch(l.Text) : Japanese().IsMatch(l.Text))
                && l.Text.Trim() != """<option value="ja" selected="@(culture == "ja")">日本語</option>""")
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string WithoutComments(string line) => Comment().Replace(line, "");

    /// <summary>Kana and kanji; full-width punctuation alone (（）、) is not text.</summary>
    [GeneratedRegex(@"[\u3040-\u30ff\u4e00-\u9fff]")]
    private static partial Regex Japanese();

    /// <summary>In C#, text is a string literal; a character range ('ぁ'..'ゖ') is not text.</summary>
    [GeneratedRegex(@"""[^""\n]*[\u3040-\u30ff\u4e00-\u9fff][^""\n]*""")]
    private static partial Regex JapaneseString();

    [GeneratedRegex(@"(^\s*///?.*$)|(^\s*\*.*$)|(@\*.*?\*@)|(//\s.*$)|(/\*.*?\*/)")]
    private static partial Regex Comment();
}
