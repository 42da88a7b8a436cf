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

    public abstract DatabaseProvider Provider { get; }

    /// <summary>An ORDER BY clause followed by the paging clause that reads <c>@Skip</c> and <c>@Take</c>.</summary>
    public abstract string OrderAndPage(string orderBy);

    /// <summary>A statement, run after an INSERT in the same batch, that selects the new identity value.</summary>
    public abstract string SelectNewId { get; }

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        public override string OrderAndPage(string orderBy) => $"ORDER BY {orderBy} LIMIT @Take OFFSET @Skip";
        public override string SelectNewId => "SELECT last_insert_rowid();";
    }

    private sealed class SqlServerDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
        public override string OrderAndPage(string orderBy) => $"ORDER BY {orderBy} OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";
        public override string SelectNewId => "SELECT CAST(SCOPE_IDENTITY() AS int);";
    }
}
