using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.DataTests.Contract;

/// <summary>A migrated database of one engine for the data-access contract, or the reason it cannot run here.</summary>
public interface IContractDatabase
{
    Db? Db { get; }

    string? Unavailable { get; }
}

public sealed class SqliteContractDatabase : IContractDatabase, IDisposable
{
    private readonly TestDatabase _database = new();

    public Db? Db => _database.Db;

    public string? Unavailable => null;

    public void Dispose() => _database.Dispose();
}

/// <summary>
/// A throw-away database on the SQL Server named by PROGRAMOPS_TEST_SQLSERVER (created, migrated,
/// dropped afterwards), so the contract never touches an existing database.
/// </summary>
public sealed class SqlServerContractDatabase : IContractDatabase, IAsyncLifetime
{
    public const string Variable = "PROGRAMOPS_TEST_SQLSERVER";

    private readonly string? _serverConnectionString = Environment.GetEnvironmentVariable(Variable);
    private string? _databaseName;

    public Db? Db { get; private set; }

    public string? Unavailable => string.IsNullOrWhiteSpace(_serverConnectionString)
        ? $"{Variable} is not set: no SQL Server engine runs on this machine"
        : null;

    public async ValueTask InitializeAsync()
    {
        if (Unavailable is not null) return;

        DbTypeHandlers.Register();
        _databaseName = $"ProgramOpsContract_{Guid.NewGuid():N}";
        await using (var master = new SqlConnection(ConnectionTo("master")))
        {
            await master.ExecuteAsync($"CREATE DATABASE [{_databaseName}]");
        }

        Db = new Db(DatabaseProvider.SqlServer, ConnectionTo(_databaseName));
        new DatabaseMigrator(Db, NullLogger<DatabaseMigrator>.Instance).Migrate();
    }

    public async ValueTask DisposeAsync()
    {
        if (_databaseName is null) return;

        SqlConnection.ClearAllPools();
        await using var master = new SqlConnection(ConnectionTo("master"));
        await master.ExecuteAsync($"ALTER DATABASE [{_databaseName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_databaseName}];");
    }

    private string ConnectionTo(string database) =>
        new SqlConnectionStringBuilder(_serverConnectionString) { InitialCatalog = database }.ConnectionString;
}
