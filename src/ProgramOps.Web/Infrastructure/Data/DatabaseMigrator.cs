using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;

namespace ProgramOps.Web.Infrastructure.Data;

/// <summary>
/// Applies the numbered scripts under db/&lt;dialect&gt;/ (embedded in this assembly) with DbUp, which
/// records each applied script in its journal table (SchemaVersions) and runs each in a transaction.
/// </summary>
public sealed class DatabaseMigrator(Db db, ILogger<DatabaseMigrator> logger)
{
    public static string ScriptFolder(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.SqlServer => "sqlserver",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public IReadOnlyList<string> Migrate()
    {
        if (db.Provider == DatabaseProvider.Sqlite) PrepareSqliteFile();

        var prefix = $"db/{ScriptFolder(db.Provider)}/";
        var builder = db.Provider == DatabaseProvider.Sqlite
            ? DeployChanges.To.SqliteDatabase(db.ConnectionString)
            : DeployChanges.To.SqlDatabase(db.ConnectionString);

        var upgrader = builder
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new DbUpLog(logger))
            .Build();

        DatabaseUpgradeResult result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migration {result.ErrorScript?.Name ?? "(unknown)"} failed: {result.Error?.Message}", result.Error);
        }

        var applied = result.Scripts.Select(s => s.Name).ToList();
        logger.LogInformation("Database is up to date ({Provider}); applied now: {Count}", db.Provider, applied.Count);
        return applied;
    }

    private void PrepareSqliteFile()
    {
        var dataSource = new SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);

        // WAL lets readers work while one writer commits; the setting is stored in the file itself.
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    private sealed class DbUpLog(ILogger logger) : DbUp.Engine.Output.IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
