using Microsoft.Data.Sqlite;

namespace ProgramOps.Web.Infrastructure.Data;

/// <summary>
/// <c>--backup FILE</c>: copies the SQLite database with SQLite's online backup API, page by page in one consistent
/// snapshot, while the console keeps serving (no stop, no lock held for long), then checks the copy's integrity.
/// SQL Server databases are backed up with SQL Server's own BACKUP DATABASE (README).
/// </summary>
public static class SqliteBackup
{
    /// <summary>Writes the backup to <paramref name="destinationFile"/> (replaced if it exists) and returns its integrity check ("ok").</summary>
    public static string Run(Db db, string destinationFile)
    {
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("--backup copies the SQLite database; back up SQL Server with BACKUP DATABASE (see README).");
        }

        var destination = Path.GetFullPath(destinationFile);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temporary = destination + ".partial";
        File.Delete(temporary);
        using (var source = new SqliteConnection(db.ConnectionString))
        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            source.Open();
            copy.Open();
            CopyRetryingWhileBusy(source, copy);
            using var check = copy.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            var integrity = (string)check.ExecuteScalar()!;
            if (integrity != "ok") throw new InvalidOperationException($"The backup failed its integrity check: {integrity}");
        }

        // Only a complete, checked copy takes the destination's name.
        File.Move(temporary, destination, overwrite: true);
        return "ok";
    }

    /// <summary>
    /// A writer committing at that moment makes a backup step busy (SQLITE_BUSY/LOCKED); as SQLite's documentation
    /// advises, the step is tried again, here for up to 30 seconds, instead of failing the backup.
    /// </summary>
    private static void CopyRetryingWhileBusy(SqliteConnection source, SqliteConnection copy)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                source.BackupDatabase(copy);
                return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }
}
