using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.UnitTests.Data;

public sealed class SqlDialectTests
{
    [Fact]
    public void Sqlite_pages_with_limit_and_offset()
    {
        Assert.Equal("ORDER BY Name, Id LIMIT @Take OFFSET @Skip", SqlDialect.Sqlite.OrderAndPage("Name, Id"));
        Assert.Equal("SELECT last_insert_rowid();", SqlDialect.Sqlite.SelectNewId);
    }

    [Fact]
    public void SqlServer_pages_with_offset_fetch()
    {
        Assert.Equal("ORDER BY Name, Id OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY", SqlDialect.SqlServer.OrderAndPage("Name, Id"));
        Assert.Equal("SELECT CAST(SCOPE_IDENTITY() AS int);", SqlDialect.SqlServer.SelectNewId);
    }

    [Fact]
    public void Json_rows_are_read_by_position_as_named_columns()
    {
        JsonColumn[] columns = [new("Id", "BIGINT"), new("Name", "NVARCHAR(50)")];

        Assert.Equal("(SELECT json_extract(value, '$[0]') AS Id, json_extract(value, '$[1]') AS Name FROM json_each(@Rows))",
            SqlDialect.Sqlite.JsonRows("@Rows", columns));
        Assert.Equal("OPENJSON(@Rows) WITH (Id BIGINT '$[0]', Name NVARCHAR(50) '$[1]')", SqlDialect.SqlServer.JsonRows("@Rows", columns));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Each_provider_gets_its_own_dialect(DatabaseProvider provider)
    {
        Assert.Equal(provider, SqlDialect.For(provider).Provider);
    }
}
