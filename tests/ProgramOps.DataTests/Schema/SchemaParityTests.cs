using System.Text.RegularExpressions;
using Dapper;
using ProgramOps.TestSupport;

namespace ProgramOps.DataTests.Schema;

/// <summary>The SQLite and SQL Server migrations build the same tables, columns, indexes and CHECK constraints.</summary>
public sealed partial class SchemaParityTests : IDisposable
{
    // DbUp's journal is created by DbUp itself, not by the scripts.
    private const string Journal = "SchemaVersions";

    private readonly TestDatabase _database = new();

    [Fact]
    public void Both_dialects_end_with_the_same_tables_and_columns()
    {
        var sqlServer = SqlServerSchema.FromFolder(RepositoryPaths.DbScripts("sqlserver"));
        var sqlite = SqliteTables();

        var differences = new List<string>();
        foreach (var table in sqlite.Keys.Union(sqlServer.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            if (!sqlServer.TryGetValue(table, out var serverColumns)) { differences.Add($"table {table}: only in SQLite"); continue; }
            if (!sqlite.TryGetValue(table, out var sqliteColumns)) { differences.Add($"table {table}: only in SQL Server"); continue; }
            differences.AddRange(sqliteColumns.Except(serverColumns, StringComparer.OrdinalIgnoreCase).Select(c => $"{table}.{c}: only in SQLite"));
            differences.AddRange(serverColumns.Except(sqliteColumns, StringComparer.OrdinalIgnoreCase).Select(c => $"{table}.{c}: only in SQL Server"));
        }

        Assert.Contains("Users", sqlite.Keys);
        Assert.True(differences.Count == 0, "Schema differences between db/sqlite and db/sqlserver:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void Both_dialects_end_with_the_same_views_and_view_columns()
    {
        var sqlServer = SqlServerSchema.ViewsFromFolder(RepositoryPaths.DbScripts("sqlserver"));
        using var connection = _database.Db.Open();
        var sqlite = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'view'").ToDictionary(
            view => view,
            view => new SortedSet<string>(connection.Query<string>($"SELECT name FROM pragma_table_info('{view}')"), StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);

        Assert.Contains("ReportingParticipants", sqlite.Keys);
        Assert.Equal(
            sqlite.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase).Select(v => $"{v.Key}({string.Join(", ", v.Value)})"),
            sqlServer.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase).Select(v => $"{v.Key}({string.Join(", ", v.Value)})"));
    }

    [Fact]
    public void Both_dialects_end_with_the_same_indexes()
    {
        var sqlServer = SqlServerConstraints.FromFolder(RepositoryPaths.DbScripts("sqlserver")).Indexes;
        using var connection = _database.Db.Open();
        var sqlite = connection.Query<(string Name, string Table, string Sql)>(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            .Select(index => SchemaShapes.Index(index.Table, index.Name, index.Sql.StartsWith("CREATE UNIQUE", StringComparison.OrdinalIgnoreCase),
                connection.Query<string>("SELECT name FROM pragma_index_info(@Name) ORDER BY seqno", new { index.Name }),
                index.Sql.Contains(" WHERE ", StringComparison.OrdinalIgnoreCase)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Contains(sqlite, shape => shape.StartsWith("PARTICIPANTS.", StringComparison.Ordinal));
        Assert.True(sqlite.SetEquals(sqlServer),
            $"Only in SQLite:\n{string.Join("\n", sqlite.Except(sqlServer).Order())}\nOnly in SQL Server:\n{string.Join("\n", sqlServer.Except(sqlite).Order())}");
    }

    [Fact]
    public void Both_dialects_end_with_the_same_check_constraints()
    {
        var sqlServer = SqlServerConstraints.FromFolder(RepositoryPaths.DbScripts("sqlserver")).Checks;
        using var connection = _database.Db.Open();
        var sqlite = connection.Query<(string Table, string Sql)>("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
            .SelectMany(table => CheckConditions(table.Sql).Select(condition => SchemaShapes.Check(table.Table, condition)))
            .Order(StringComparer.Ordinal).ToList();

        Assert.Contains(sqlite, check => check.StartsWith("PARTICIPANTS: CHECK STATEIN", StringComparison.Ordinal));
        Assert.Equal(sqlite, sqlServer);
    }

    /// <summary>The conditions of a CREATE TABLE's CHECK clauses: the text between the parentheses that follow CHECK.</summary>
    private static IEnumerable<string> CheckConditions(string createTable)
    {
        foreach (Match check in CheckKeyword().Matches(createTable))
        {
            var open = check.Index + check.Length - 1;
            var depth = 0;
            for (var i = open; i < createTable.Length; i++)
            {
                depth += createTable[i] == '(' ? 1 : createTable[i] == ')' ? -1 : 0;
                if (depth != 0) continue;
                yield return createTable[(open + 1)..i];
                break;
            }
        }
    }

    [GeneratedRegex(@"\bCHECK\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CheckKeyword();

    private Dictionary<string, SortedSet<string>> SqliteTables()
    {
        using var connection = _database.Db.Open();
        var tables = connection.Query<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> @Journal COLLATE NOCASE",
            new { Journal });
        return tables.ToDictionary(
            table => table,
            table => new SortedSet<string>(connection.Query<string>("SELECT name FROM pragma_table_info(@table)", new { table }), StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
    }

    public void Dispose() => _database.Dispose();
}
