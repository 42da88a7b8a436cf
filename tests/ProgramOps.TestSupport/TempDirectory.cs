using Microsoft.Data.Sqlite;

namespace ProgramOps.TestSupport;

/// <summary>A fresh folder for one test class's SQLite file; removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("programops-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a file still in use is left to the OS temp cleaner */ }
    }
}
