using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProgramOps.TestSupport;

namespace ProgramOps.UnitTests.Localization;

/// <summary>Every text exists in English and Japanese, and every key the code asks for exists.</summary>
public sealed partial class ResourceCompletenessTests
{
    private static readonly string Web = RepositoryPaths.WebProject;

    private static IEnumerable<string> NeutralResources() =>
        Directory.EnumerateFiles(Web, "*.resx", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path) && !Path.GetFileName(path).EndsWith(".ja.resx", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    private static bool IsBuildOutput(string path)
    {
        var relative = Path.GetRelativePath(Web, path).Split(Path.DirectorySeparatorChar);
        return relative.Contains("bin") || relative.Contains("obj");
    }

    private static Dictionary<string, string> Entries(string resx) =>
        XDocument.Load(resx).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path);

    [Fact]
    public void Every_neutral_resource_has_a_Japanese_twin_with_the_same_keys_and_no_empty_values()
    {
        var problems = new List<string>();
        var neutrals = NeutralResources().ToList();
        foreach (var neutral in neutrals)
        {
            var japanese = Path.ChangeExtension(neutral, ".ja.resx");
            if (!File.Exists(japanese))
            {
                problems.Add($"{Relative(neutral)}: no {Path.GetFileName(japanese)}");
                continue;
            }

            var english = Entries(neutral);
            var ja = Entries(japanese);
            problems.AddRange(english.Keys.Except(ja.Keys).Select(key => $"{Relative(japanese)}: missing {key}"));
            problems.AddRange(ja.Keys.Except(english.Keys).Select(key => $"{Relative(neutral)}: missing {key}"));
            problems.AddRange(english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{Relative(neutral)}: {e.Key} is empty"));
            problems.AddRange(ja.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{Relative(japanese)}: {e.Key} is empty"));
        }

        Assert.NotEmpty(neutrals);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_key_used_in_pages_and_code_exists_in_a_resource()
    {
        var known = NeutralResources().SelectMany(resx => Entries(resx).Keys).ToHashSet(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path) && (path.EndsWith(".cshtml", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal)));

        var uses = sources
            .SelectMany(path => KeyUse().Matches(File.ReadAllText(path)).Select(m => (File: Relative(path), Key: m.Groups["key"].Value)))
            .ToList();
        var missing = uses.Where(use => !known.Contains(use.Key)).Select(use => $"{use.File}: {use.Key}").Distinct().ToList();

        Assert.NotEmpty(uses);
        Assert.True(missing.Count == 0, "Keys used but in no .resx:\n" + string.Join("\n", missing));
    }

    // S = SharedText in every view; T, L and text are the names features give their own localizer.
    [GeneratedRegex(@"(?<![\w.])(?:S|T|L|text)\[\s*""(?<key>[^""\\]+)""\s*[\],]")]
    private static partial Regex KeyUse();
}
