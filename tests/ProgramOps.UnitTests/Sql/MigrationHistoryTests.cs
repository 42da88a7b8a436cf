using System.Security.Cryptography;
using ProgramOps.TestSupport;

namespace ProgramOps.UnitTests.Sql;

/// <summary>
/// Migrations are history: once a script ships, databases have run it, so editing it would leave installations made
/// before and after the edit with different schemas. db/migrations.sha256 (sha256sum's format, so
/// <c>cd db &amp;&amp; sha256sum -c migrations.sha256</c> checks it too) records every script as it shipped.
/// </summary>
public sealed class MigrationHistoryTests
{
    private const string ManifestName = "migrations.sha256";

    [Fact]
    public void Every_migration_script_is_recorded_and_unchanged_since()
    {
        var recorded = Manifest();
        var problems = new List<string>();
        foreach (var script in Scripts())
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(DbFolder, script))));
            if (!recorded.TryGetValue(script, out var shipped))
            {
                problems.Add($"db/{script} is not in db/{ManifestName}: once it is final, add the line \"{hash}  {script}\".");
            }
            else if (shipped != hash)
            {
                problems.Add($"db/{script} has changed since it shipped: never edit a shipped migration; undo the edit and write a new numbered script.");
            }
        }

        problems.AddRange(recorded.Keys.Except(Scripts()).Select(script => $"db/{script} shipped and is gone: a shipped migration is never removed."));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_manifest_reads_every_line()
    {
        var lines = File.ReadAllLines(Path.Combine(DbFolder, ManifestName)).Where(line => line.Length > 0).ToList();

        Assert.Equal(lines.Count, Manifest().Count);
        Assert.Contains("sqlite/0001_foundation.sql", Manifest().Keys);
    }

    private static string DbFolder => Path.Combine(RepositoryPaths.Root, "db");

    private static IEnumerable<string> Scripts() =>
        new[] { "sqlite", "sqlserver" }.SelectMany(dialect => Directory.GetFiles(Path.Combine(DbFolder, dialect), "*.sql")
            .Select(path => $"{dialect}/{Path.GetFileName(path)}")).Order(StringComparer.Ordinal);

    /// <summary>script path (relative to db/) → its SHA-256 as it shipped.</summary>
    private static Dictionary<string, string> Manifest() =>
        File.ReadAllLines(Path.Combine(DbFolder, ManifestName))
            .Where(line => line.Length > 0)
            .Select(line => line.Split("  ", 2))
            .ToDictionary(parts => parts[1], parts => parts[0], StringComparer.Ordinal);
}
