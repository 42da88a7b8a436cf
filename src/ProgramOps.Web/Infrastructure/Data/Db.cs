using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace ProgramOps.Web.Infrastructure.Data;

/// <summary>Opens connections and runs short write transactions on the configured database.</summary>
public sealed class Db(DatabaseProvider provider, string connectionString)
{
    public DatabaseProvider Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;
    public SqlDialect Dialect { get; } = SqlDialect.For(provider);

    // SQLite has one writer at a time, and a transaction that finds it busy retries on a timer rather than in turn:
    // under load (event batches, imports) a few waited seconds. This process's writers queue here, in arrival order.
    private readonly SemaphoreSlim? _sqliteWriter = provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = CreateConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>For the few callers whose interface is synchronous (data-protection key storage).</summary>
    public DbConnection Open()
    {
        var connection = CreateConnection();
        connection.Open();
        return connection;
    }

    private DbConnection CreateConnection() => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(ConnectionString)
        : new SqlConnection(ConnectionString);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. On SQLite the transaction takes the write lock
    /// up front (BEGIN IMMEDIATE), so two writers queue on the busy timeout instead of failing with
    /// "database is locked" when a read lock would have to be upgraded; writers of this process queue
    /// in order before that. Not to be nested: <paramref name="work"/> uses the connection it is given.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct = default)
    {
        if (_sqliteWriter is not null) await _sqliteWriter.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            _sqliteWriter?.Release();
        }
    }

    public Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken ct = default) =>
        InTransactionAsync(async (c, t) => { await work(c, t); return true; }, ct);
}
