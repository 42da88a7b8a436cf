using System.Text;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.UnitTests.Outcomes;

public sealed class ReportFilesTests
{
    private static readonly ReportTable[] Tables =
    [
        new("リーチ", ["項目", "値"], [["参加者数", 28], ["=HYPERLINK(\"x\")", null]]),
        new("比較", ["項目", "人数", "割合"], [["-1+1", 5, 0.25]]),
    ];

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+81", "'+81")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("参加者", "参加者")]
    [InlineData("", "")]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_neutralised(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetCell.Neutralise(text));

    [Fact]
    public void Numbers_stay_numbers() => Assert.Equal(-2, SpreadsheetCell.Neutralise(-2));

    [Fact]
    public void The_csv_has_one_width_a_bom_neutralised_text_and_a_dash_for_hidden_figures()
    {
        var bytes = ReportFiles.Csv(Tables);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("リーチ,項目,値,", lines[0]);
        Assert.Equal(",参加者数,28,", lines[1]);
        Assert.Equal(",\"'=HYPERLINK(\"\"x\"\")\",—,", lines[2]);
        Assert.Equal(",'-1+1,5,0.25", lines[4]);
    }

    [Fact]
    public void The_workbook_is_an_xlsx_with_a_sheet_per_section()
    {
        var bytes = ReportFiles.Workbook(Tables);

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        Assert.Equal(2, zip.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)));
        using var reader = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        var workbook = reader.ReadToEnd();
        Assert.Contains("1. リーチ", workbook);
        Assert.Contains("2. 比較", workbook);
    }
}
