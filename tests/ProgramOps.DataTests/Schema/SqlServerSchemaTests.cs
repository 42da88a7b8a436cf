namespace ProgramOps.DataTests.Schema;

/// <summary>The reader behind the parity check follows later migrations that alter or drop, not only the first CREATE TABLEs.</summary>
public sealed class SqlServerSchemaTests
{
    [Fact]
    public void Later_scripts_add_and_drop_columns_and_tables_in_order()
    {
        var schema = SqlServerSchema.FromScripts(
        [
            ("0001_first.sql", "CREATE TABLE Programs (Id INT NOT NULL, Name NVARCHAR(50) NOT NULL, Legacy INT NULL); CREATE TABLE Scratch (Id INT);"),
            ("0002_second.sql", "ALTER TABLE Programs ADD StartsOn DATE NULL, Seats INT NULL;\nGO\nALTER TABLE Programs DROP COLUMN Legacy;\nDROP TABLE Scratch;"),
        ]);

        Assert.Equal(["Programs"], schema.Keys);
        Assert.Equal(["Id", "Name", "Seats", "StartsOn"], schema["programs"]);
    }

    [Fact]
    public void A_script_that_does_not_parse_is_named_in_the_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SqlServerSchema.FromScripts([("0009_bad.sql", "CREATE TABLE Broken (Id INT")]));

        Assert.StartsWith("0009_bad.sql:", error.Message);
    }
}
