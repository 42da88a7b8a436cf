using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.TestSupport;

/// <summary>A real, migrated SQLite database file for data tests.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempDirectory _folder = new();

    public TestDatabase()
    {
        DbTypeHandlers.Register();
        var connectionString = DataServiceExtensions.SqliteConnectionString(null, new DatabaseOptions { SqliteFile = "programops.db" }, _folder.Path);
        Db = new Db(DatabaseProvider.Sqlite, connectionString);
        new DatabaseMigrator(Db, NullLogger<DatabaseMigrator>.Instance).Migrate();
    }

    public Db Db { get; }

    public string FilePath => _folder.File("programops.db");

    public void Dispose() => _folder.Dispose();
}
