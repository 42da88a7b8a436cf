using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.UnitTests.Sql;

/// <summary>Every statement in the XxxSql classes is valid T-SQL, so the SQL Server deployment cannot hit a syntax error at run time.</summary>
public sealed class SqlStatementsTests
{
    // The statements that exist today (accounts, audit, keys, health); the count only grows.
    private const int StatementsAtLeast = 15;

    [Fact]
    public void The_catalog_finds_the_statements_of_every_Sql_class()
    {
        var statements = SqlStatementCatalog.For(SqlDialect.SqlServer);

        Assert.True(statements.Count >= StatementsAtLeast, $"Only {statements.Count} statements found: {string.Join(", ", statements)}");
        Assert.Contains(statements, s => s.Name == "AccountSql.InsertUser(SqlServer)");
        Assert.Contains(statements, s => s.Name == "AuditSql.Insert");
    }

    [Fact]
    public void Every_statement_parses_as_TSql()
    {
        var failures = SqlStatementCatalog.For(SqlDialect.SqlServer)
            .Select(statement => (statement, TSql.Parse(statement.Text).Errors))
            .Where(parsed => parsed.Errors.Count > 0)
            .Select(parsed => $"{parsed.statement.Name}: {TSql.Describe(parsed.Errors)}")
            .ToList();

        Assert.True(failures.Count == 0, "T-SQL parse errors:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void The_parser_refuses_SQLite_only_paging()
    {
        var errors = TSql.Parse($"SELECT Id FROM Users {SqlDialect.Sqlite.OrderAndPage("Id")}").Errors;

        Assert.NotEmpty(errors);
    }
}
