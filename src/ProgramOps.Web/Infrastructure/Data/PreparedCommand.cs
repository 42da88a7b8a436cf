using System.Data;

namespace ProgramOps.Web.Infrastructure.Data;

/// <summary>
/// One statement prepared once and executed many times with new values: for bulk loads, batched updates and a query
/// repeated per scope, where building a fresh command per row would cost more than the statement itself.
/// </summary>
public sealed class PreparedCommand : IDisposable
{
    // Strings are bound with a fixed size so SQL Server can prepare the statement; no demo value is longer.
    private const int TextSize = 4000;

    private readonly DbCommand _command;
    private readonly Dictionary<string, DbParameter> _parameters = [];

    public PreparedCommand(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, DbType Type)[] parameters)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.DbType = type;
            if (type == DbType.String && connection is not Microsoft.Data.Sqlite.SqliteConnection) parameter.Size = TextSize;
            _command.Parameters.Add(parameter);
            _parameters.Add(name, parameter);
        }

        _command.Prepare();
    }

    public PreparedCommand Set(string name, object? value)
    {
        DbTypeHandlers.Bind(_parameters[name], value);
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken ct = default) => _command.ExecuteNonQueryAsync(ct);

    /// <summary>Executes and reads the first column of the first row (the new id, with <c>SelectNewId</c>).</summary>
    public async Task<int> ExecuteScalarAsync(CancellationToken ct = default) =>
        Convert.ToInt32(await _command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Executes and reads the rows: map them with Dapper's row parser (<c>reader.GetRowParser&lt;T&gt;()</c>).</summary>
    public Task<DbDataReader> ReadAsync(CancellationToken ct = default) => _command.ExecuteReaderAsync(ct);

    public void Dispose() => _command.Dispose();
}
