namespace ProgramOps.Web.Infrastructure.Data;

/// <summary>
/// The one seam where SQLite and SQL Server differ. Everything else is plain, parameterised SQL that
/// both engines accept.
/// </summary>
public abstract class SqlDialect
{
    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite,
        DatabaseProvider.SqlServer => SqlServer,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect SqlServer = new SqlServerDialect();

    /// <summary>The dialect of an open connection, for code handed a connection and transaction to join.</summary>
    public static SqlDialect Of(DbConnection connection) => connection is Microsoft.Data.Sqlite.SqliteConnection ? Sqlite : SqlServer;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>An ORDER BY clause followed by the paging clause that reads <c>@Skip</c> and <c>@Take</c>.</summary>
    public abstract string OrderAndPage(string orderBy);

    /// <summary>A statement, run after an INSERT in the same batch, that selects the new identity value.</summary>
    public abstract string SelectNewId { get; }

    /// <summary>
    /// <paramref name="column"/> (a string of '0' and '1' flags) with the flag at 1-based <c>@Position</c> set to '1',
    /// first padded with '0's from <c>@Zeros</c> (a string of <c>@Position</c> zeros) when it is shorter.
    /// </summary>
    public abstract string WithFlagAt(string column);

    /// <summary>
    /// The strings in <paramref name="parameter"/>, a JSON array bound as one value, as a one-column table (for
    /// <c>IN (...)</c>). One parameter whatever the count: bound one per element, a batch's 500 values cost more to bind
    /// than to look up.
    /// </summary>
    public abstract string JsonTexts(string parameter);

    /// <summary>The integers in <paramref name="parameter"/>, a JSON array bound as one value, as a one-column table.</summary>
    public abstract string JsonIntegers(string parameter);

    /// <summary>
    /// The rows in <paramref name="parameter"/>, a JSON array of rows bound as one value (one statement for a whole batch),
    /// as a table of <paramref name="columns"/>. Each row is an array of its values in the columns' order, not an object:
    /// SQLite turns each element of <c>json_each</c> back into text and parses it again for every value read, and with
    /// objects their names made a statement take a third longer (at-risk actions, 2,000 per statement).
    /// </summary>
    public abstract string JsonRows(string parameter, IReadOnlyList<JsonColumn> columns);

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        public override string OrderAndPage(string orderBy) => $"ORDER BY {orderBy} LIMIT @Take OFFSET @Skip";
        public override string SelectNewId => "SELECT last_insert_rowid();";
        public override string JsonTexts(string parameter) => $"SELECT value FROM json_each({parameter})";
        public override string JsonIntegers(string parameter) => JsonTexts(parameter);

        public override string JsonRows(string parameter, IReadOnlyList<JsonColumn> columns) =>
            $"(SELECT {string.Join(", ", columns.Select((c, i) => $"json_extract(value, '$[{i}]') AS {c.Name}"))} FROM json_each({parameter}))";

        public override string WithFlagAt(string column)
        {
            var padded = $"({column} || substr(@Zeros, length({column}) + 1))";
            return $"substr({padded}, 1, @Position - 1) || '1' || substr({padded}, @Position + 1)";
        }
    }

    private sealed class SqlServerDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
        public override string OrderAndPage(string orderBy) => $"ORDER BY {orderBy} OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";
        public override string SelectNewId => "SELECT CAST(SCOPE_IDENTITY() AS int);";
        public override string JsonTexts(string parameter) => $"SELECT value FROM OPENJSON({parameter})";
        public override string JsonIntegers(string parameter) => $"SELECT CAST(value AS bigint) FROM OPENJSON({parameter})";

        public override string JsonRows(string parameter, IReadOnlyList<JsonColumn> columns) =>
            $"OPENJSON({parameter}) WITH ({string.Join(", ", columns.Select((c, i) => $"{c.Name} {c.SqlServerType} '$[{i}]'"))})";

        public override string WithFlagAt(string column) =>
            $"STUFF({column} + SUBSTRING(@Zeros, LEN({column}) + 1, @Position), @Position, 1, '1')";
    }
}

/// <summary>A column of <see cref="SqlDialect.JsonRows"/>: its name, and its type where SQL Server reads it from JSON.</summary>
public sealed record JsonColumn(string Name, string SqlServerType);
