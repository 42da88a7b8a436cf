using System.Text.RegularExpressions;
using ProgramOps.TestSupport;

namespace ProgramOps.UnitTests.Architecture;

/// <summary>
/// Infrastructure is what every feature builds on, so it names no feature: features register themselves (services,
/// jobs, page policies, start-up tasks) and Infrastructure asks through its own interfaces. Features/Shared is the UI
/// shell (layout, shared texts, components), not a feature.
/// </summary>
public sealed partial class CompositionTests
{
    [Fact]
    public void Infrastructure_names_no_feature()
    {
        var infrastructure = Path.Combine(RepositoryPaths.WebProject, "Infrastructure");
        var references = Directory.GetFiles(infrastructure, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => FeatureReference().Matches(File.ReadAllText(file))
                .Where(m => m.Groups[1].Value != "Shared")
                .Select(m => $"{Path.GetRelativePath(RepositoryPaths.Root, file)} names the {m.Groups[1].Value} feature"))
            .ToList();

        Assert.True(references.Count == 0, string.Join("\n", references));
    }

    [Fact]
    public void The_check_sees_a_feature_reference()
    {
        Assert.Equal("Account", FeatureReference().Match("using ProgramOps.Web.Features.Account;").Groups[1].Value);
    }

    [GeneratedRegex(@"ProgramOps\.Web\.Features\.(\w+)")]
    private static partial Regex FeatureReference();
}
