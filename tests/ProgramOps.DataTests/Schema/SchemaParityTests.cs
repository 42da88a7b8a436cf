using Dapper;
using ProgramOps.TestSupport;

namespace ProgramOps.DataTests.Schema;

/// <summary>The SQLite and SQL Server migrations build the same tables with the same columns.</summary>
public sealed class SchemaParityTests : IDisposable
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
