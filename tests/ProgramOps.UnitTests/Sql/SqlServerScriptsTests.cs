using ProgramOps.TestSupport;

namespace ProgramOps.UnitTests.Sql;

public sealed class SqlServerScriptsTests
{
    public static TheoryData<string> SqlServerScripts() =>
        new(Directory.GetFiles(RepositoryPaths.DbScripts("sqlserver"), "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SqlServerScripts))]
    public void Script_parses_as_TSql(string fileName)
    {
        var errors = TSql.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DbScripts("sqlserver"), fileName))).Errors;

        Assert.True(errors.Count == 0, $"{fileName}: {TSql.Describe(errors)}");
    }

    [Fact]
    public void Both_dialects_have_the_same_migration_files()
    {
        static SortedSet<string> Names(string folder) =>
            new(Directory.GetFiles(RepositoryPaths.DbScripts(folder), "*.sql").Select(f => Path.GetFileName(f)), StringComparer.Ordinal);

        var sqlite = Names("sqlite");
        var sqlServer = Names("sqlserver");

        Assert.NotEmpty(sqlite);
        Assert.True(sqlite.SetEquals(sqlServer),
            $"Only in db/sqlite: {string.Join(", ", sqlite.Except(sqlServer))}; only in db/sqlserver: {string.Join(", ", sqlServer.Except(sqlite))}");
    }
}
