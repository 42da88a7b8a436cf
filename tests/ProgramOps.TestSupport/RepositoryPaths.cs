namespace ProgramOps.TestSupport;

/// <summary>Finds files of the checkout (migration scripts, resources) from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DbScripts(string dialectFolder) => Path.Combine(Root, "db", dialectFolder);

    public static string WebProject => Path.Combine(Root, "src", "ProgramOps.Web");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ProgramOps.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException($"No ProgramOps.sln above {AppContext.BaseDirectory}.");
    }
}
