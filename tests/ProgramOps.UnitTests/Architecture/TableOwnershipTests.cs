using System.Text.RegularExpressions;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.UnitTests.Architecture;

/// <summary>
/// One owner per table: only the owning feature's SQL writes a table, only its code runs those writes, and a feature
/// reads another's tables only where the owner published them to it (README's ownership map).
/// </summary>
public sealed partial class TableOwnershipTests
{
    private static readonly OwnershipMap Map = OwnershipMap.FromReadme();

    private static IEnumerable<(string Feature, string File, SqlStatement Statement)> Statements() =>
        SqlStatementCatalog.SqlClasses().SelectMany(type =>
        {
            var feature = OwnershipMap.FeatureOf(type);
            var file = $"src/ProgramOps.Web/{OwnershipMap.FolderOf(feature)}… {type.Name}";
            return SqlStatementCatalog.For(SqlDialect.For(DatabaseProvider.Sqlite))
                .Where(s => s.Name.StartsWith(type.Name + ".", StringComparison.Ordinal))
                .Select(s => (feature, file, s));
        });

    [Fact]
    public void Every_table_of_the_schema_has_an_owner_in_the_map()
    {
        var tables = Directory.GetFiles(RepositoryPaths.DbScripts("sqlite"), "*.sql").SelectMany(path => CreatedTable().Matches(File.ReadAllText(path)))
            .Select(m => m.Groups[1].Value).Where(t => !t.StartsWith("QRTZ_", StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase);

        var unowned = tables.Where(t => !Map.Tables.ContainsKey(t)).ToList();

        Assert.True(unowned.Count == 0, $"Tables without an owner in README's ownership map: {string.Join(", ", unowned)}");
    }

    [Fact]
    public void Only_the_owning_feature_writes_a_table()
    {
        var foreign = new List<string>();
        foreach (var (feature, file, statement) in Statements())
        {
            foreach (var table in WrittenTables(statement.Text))
            {
                var owner = OwnerOf(table);
                if (owner != feature) foreign.Add($"{statement.Name} ({file}) writes {table}, which {owner} owns: call a write method of {owner} instead.");
            }
        }

        Assert.True(foreign.Count == 0, string.Join("\n", foreign));
    }

    [Fact]
    public void A_feature_reads_another_features_tables_only_where_the_owner_published_them_to_it()
    {
        var unpublished = new List<string>();
        foreach (var (feature, file, statement) in Statements())
        {
            foreach (var table in ReadTables(statement.Text))
            {
                if (!Map.Tables.TryGetValue(table, out var entry))
                {
                    unpublished.Add($"{statement.Name} ({file}) reads {table}, which has no owner in README's ownership map.");
                    continue;
                }

                var (owner, readers) = entry;
                if (owner != feature && !readers.Contains(feature))
                    unpublished.Add($"{statement.Name} ({file}) reads {table}, which {owner} owns and has not published to {feature}: use a query of {owner}, or add {feature} to its readers in README's map.");
            }
        }

        Assert.True(unpublished.Count == 0, string.Join("\n", unpublished));
    }

    /// <summary>Every write in the source sits in a catalogued SQL class, so the checks above see all of them.</summary>
    [Fact]
    public void Every_write_statement_in_the_source_is_in_the_catalogue()
    {
        var catalogue = string.Join("\n", SqlStatementCatalog.For(SqlDialect.For(DatabaseProvider.Sqlite)).Select(s => Squeeze(s.Text)));
        var hidden = SourceFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => WriteStart().IsMatch(x.line) && !catalogue.Contains(Squeeze(WriteStart().Match(x.line).Value), StringComparison.Ordinal))
            .Select(x => $"{Relative(x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(hidden.Count == 0, "Write statements outside the *Sql classes (move them into the owning feature's Sql class):\n" + string.Join("\n", hidden));
    }

    /// <summary>A write statement of one feature is run only by that feature's code: others call its write methods.</summary>
    [Fact]
    public void Only_the_owning_features_code_runs_its_write_statements()
    {
        var writes = Statements().Where(s => WrittenTables(s.Statement.Text).Any())
            .Select(s => (s.Feature, Member: s.Statement.Name.Split('(')[0])).Distinct().ToList();
        var foreign = new List<string>();
        foreach (var file in SourceFiles())
        {
            var path = Relative(file);
            var text = File.ReadAllText(file);
            foreach (var (feature, member) in writes)
            {
                if (path.StartsWith("src/ProgramOps.Web/" + OwnershipMap.FolderOf(feature), StringComparison.Ordinal)) continue;
                if (Regex.IsMatch(text, $@"\b{Regex.Escape(member)}\b")) foreign.Add($"{path} runs {member}, a write of {feature}: call {feature}'s write method instead.");
            }
        }

        Assert.True(foreign.Count == 0, string.Join("\n", foreign));
    }

    [Fact]
    public void The_map_reads_and_the_checks_find_writes()
    {
        Assert.Equal("Participants", Map.Tables["Participants"].Owner);
        Assert.Equal(["Participants"], WrittenTables("UPDATE Participants SET State = @State WHERE Id = @Id"));
        Assert.Equal(["Cohorts", "Participants"], ReadTables("SELECT p.Id FROM Participants p JOIN Cohorts co ON co.Id = p.CohortId").Order());
        Assert.Equal(["Participants"], ReadTables("SELECT Id FROM Participants WHERE Id IN (SELECT value FROM json_each(@Ids))"));
        Assert.Contains(Statements(), s => s.Statement.Name == "ParticipantsSql.Admit" && s.Feature == "Participants");
    }

    private static string OwnerOf(string table) =>
        Map.Tables.TryGetValue(table, out var entry) ? entry.Owner : throw new InvalidOperationException($"{table} has no owner in README's ownership map.");

    private static IEnumerable<string> WrittenTables(string sql) => Write().Matches(sql).Select(m => m.Groups["table"].Value).Distinct();

    private static IEnumerable<string> ReadTables(string sql)
    {
        var named = CommonTableExpression().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Read().Matches(sql).Select(m => m.Groups[1].Value).Where(t => !named.Contains(t)).Distinct();
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.GetFiles(RepositoryPaths.WebProject, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');

    private static string Squeeze(string sql) => WhiteSpace().Replace(sql, " ").Trim();

    [GeneratedRegex(@"\b(?:INSERT\s+INTO|DELETE\s+FROM|MERGE\s+(?:INTO\s+)?)\s*(?<table>\w+)|\bUPDATE\s+(?<table>\w+)\s+SET\b", RegexOptions.IgnoreCase)]
    private static partial Regex Write();

    [GeneratedRegex(@"\b(?:INSERT\s+INTO\s+\w+|UPDATE\s+\w+\s+SET|DELETE\s+FROM\s+\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex WriteStart();

    // A name called like a function (json_each(@Codes), OPENJSON(@Ids)) is a table-valued function, not a table.
    [GeneratedRegex(@"(?<![@\w])(?:FROM|JOIN)\s+(\w+)\b(?!\s*\()", RegexOptions.IgnoreCase)]
    private static partial Regex Read();

    [GeneratedRegex(@"\b(\w+)\s+AS\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CommonTableExpression();

    [GeneratedRegex(@"CREATE TABLE (?:IF NOT EXISTS )?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedTable();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
