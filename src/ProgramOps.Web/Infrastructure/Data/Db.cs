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
    private int _waiting;

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
        await using var write = await BeginWriteAsync(ct);
        var result = await work(write.Connection, write.Transaction);
        await write.CommitAsync(ct);
        return result;
    }

    public Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken ct = default) =>
        InTransactionAsync(async (c, t) => { await work(c, t); return true; }, ct);

    /// <summary>
    /// A write transaction, in its turn, that its caller commits when it decides: for long work that ends its transaction
    /// early when <see cref="WritersWaiting"/> (a roster commit), and carries on in the next. Disposed uncommitted, it
    /// rolls back; either way the next writer goes.
    /// </summary>
    public async Task<DbWrite> BeginWriteAsync(CancellationToken ct = default)
    {
        if (_sqliteWriter is not null)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                await _sqliteWriter.WaitAsync(ct);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        DbConnection? connection = null;
        try
        {
            connection = await OpenAsync(ct);
            return new DbWrite(connection, await connection.BeginTransactionAsync(ct), _sqliteWriter);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            _sqliteWriter?.Release();
            throw;
        }
    }

    /// <summary>Whether other writers of this process wait for SQLite's one write lock (always false on SQL Server, whose writers do not queue here).</summary>
    public bool WritersWaiting => Volatile.Read(ref _waiting) > 0;
}

/// <summary>One write transaction in its turn (<see cref="Db.BeginWriteAsync"/>).</summary>
public sealed class DbWrite(DbConnection connection, DbTransaction transaction, SemaphoreSlim? turn) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;
    public DbTransaction Transaction { get; } = transaction;

    public Task CommitAsync(CancellationToken ct = default) => Transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
        finally
        {
            turn?.Release();
        }
    }
}
