using Microsoft.Data.Sqlite;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.DataTests.Schema;

/// <summary>
/// Every statement of the XxxSql classes compiles on the migrated SQLite schema (tables, columns and
/// functions exist) with every <c>@name</c> parameter bound, so a typo fails here and not on a page.
/// </summary>
public sealed class SqlStatementsOnSqliteTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public void Every_statement_compiles_on_the_migrated_schema()
    {
        var statements = SqlStatementCatalog.For(SqlDialect.Sqlite);
        using var connection = (SqliteConnection)_database.Db.Open();

        var failures = new List<string>();
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement.Text;
            foreach (var name in statement.ParameterNames()) command.Parameters.AddWithValue("@" + name, DBNull.Value);
            try
            {
                // Prepare compiles every statement of the batch against the schema without running it.
                command.Prepare();
            }
            catch (SqliteException ex)
            {
                failures.Add($"{statement.Name}: {ex.Message}");
            }
        }

        Assert.True(statements.Count > 0, "No statements found.");
        Assert.True(failures.Count == 0, "SQLite refused:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Preparing_refuses_an_unknown_column_in_any_statement_of_a_batch()
    {
        using var connection = (SqliteConnection)_database.Db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Users; SELECT NoSuchColumn FROM Users;";

        var error = Assert.Throws<SqliteException>(command.Prepare);

        Assert.Contains("NoSuchColumn", error.Message);
    }

    public void Dispose() => _database.Dispose();
}
