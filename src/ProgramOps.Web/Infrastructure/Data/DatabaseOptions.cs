namespace ProgramOps.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Used when no <c>ConnectionStrings:ProgramOps</c> is given; relative paths are under the content root.</summary>
    public string SqliteFile { get; set; } = "data/programops.db";

    /// <summary>How long a SQLite writer waits for the lock held by another writer before it fails.</summary>
    public int BusyTimeoutSeconds { get; set; } = 10;
}
