using System.Text;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.UnitTests.Text;

public sealed class SpreadsheetCsvTests
{
    private static string Written(params string[] fields)
    {
        using var stream = new MemoryStream();
        using (var csv = SpreadsheetCsv.Create(stream)) csv.WriteRecord(fields);
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd('\r', '\n');
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+81 3 1234", "\"'+81 3 1234\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void A_cell_that_starts_like_a_formula_is_written_as_text(string value, string expected) =>
        Assert.Equal(expected, Written(value));

    [Theory]
    [InlineData("山田 太郎")]
    [InlineData("a=b")]
    [InlineData("12345")]
    public void Other_cells_are_written_as_they_are(string value) => Assert.Equal(value, Written(value));
}
