using System.Text.RegularExpressions;
using ProgramOps.TestSupport;

namespace ProgramOps.UnitTests.Architecture;

/// <summary>
/// The table → owning feature map, read from README's architecture section (between the <c>ownership-map</c>
/// markers), so the rule people read and the rule the tests enforce are one text.
/// </summary>
public sealed partial record OwnershipMap(IReadOnlyDictionary<string, (string Owner, IReadOnlySet<string> Readers)> Tables)
{
    public static OwnershipMap FromReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf("<!-- ownership-map -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- /ownership-map -->", StringComparison.Ordinal);
        if (start < 0 || end < start) throw new InvalidOperationException("README.md has no <!-- ownership-map --> … <!-- /ownership-map --> section.");

        var tables = new Dictionary<string, (string, IReadOnlySet<string>)>(StringComparer.OrdinalIgnoreCase);
        foreach (Match row in Row().Matches(readme[start..end]))
        {
            var readers = row.Groups["readers"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var table in row.Groups["tables"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                tables.Add(table.Trim('`'), (row.Groups["owner"].Value.Trim(), readers));
            }
        }

        return new OwnershipMap(tables);
    }

    /// <summary>The feature a type belongs to: the folder under Features/ (Home for the root), or Infrastructure.</summary>
    public static string FeatureOf(Type type)
    {
        var parts = type.Namespace!.Split('.');
        return parts.Length > 2 && parts[2] == "Infrastructure" ? "Infrastructure" : parts.Length > 3 ? parts[3] : "Home";
    }

    /// <summary>Where a feature's code lives, relative to the web project.</summary>
    public static string FolderOf(string feature) => feature == "Infrastructure" ? "Infrastructure/" : $"Features/{feature}/";

    // | `Table`, `Table2` | Owner | Reader, Reader |
    [GeneratedRegex(@"^\|\s*(?<tables>`[^|]+)\|\s*(?<owner>[A-Za-z]+)\s*\|\s*(?<readers>[A-Za-z, ]*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
