using CsvHelper;

namespace ProgramOps.Web.Infrastructure.Text;

/// <summary>
/// The one way the console writes a CSV file for people to open in a spreadsheet: UTF-8 with a BOM (so Excel in
/// Japan reads it) and every text cell that starts like a formula (<c>= + - @</c>, tab, CR) prefixed with <c>'</c>
/// and quoted, because roster names and participants' app text come from outside and Excel would run them.
/// </summary>
public static class SpreadsheetCsv
{
    public static CsvWriter Create(Stream stream) =>
        CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
}
