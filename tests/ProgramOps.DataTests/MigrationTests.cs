using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.DataTests;

public sealed class MigrationTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public void Every_script_was_applied_to_the_empty_file_and_a_second_run_applies_nothing()
    {
        var scripts = Directory.GetFiles(RepositoryPaths.DbScripts("sqlite"), "*.sql").Length;
        using var connection = _database.Db.Open();

        Assert.Equal(scripts, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM SchemaVersions"));
        Assert.Empty(new DatabaseMigrator(_database.Db, NullLogger<DatabaseMigrator>.Instance).Migrate());
        Assert.Equal(scripts, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM SchemaVersions"));
    }

    [Fact]
    public void The_file_is_in_WAL_mode_and_connections_enforce_foreign_keys()
    {
        using var connection = _database.Db.Open();

        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(1, connection.ExecuteScalar<int>("PRAGMA foreign_keys"));
        var orphan = Assert.ThrowsAny<Exception>(() =>
            connection.Execute("INSERT INTO UserRoles (UserId, Role) VALUES (999999, 'Viewer')"));
        Assert.Contains("FOREIGN KEY", orphan.Message);
    }

    public void Dispose() => _database.Dispose();
}
