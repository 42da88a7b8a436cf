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

    /// <summary>
    /// The same in another encoding, for a file that goes back to whoever sent one in it (a CP932 roster's problems go
    /// back in CP932): no byte order mark, and a character the encoding lacks is written as it writes it ('?').
    /// </summary>
    public static CsvWriter Create(Stream stream, System.Text.Encoding encoding) =>
        CsvWriter.Create(new StreamWriter(stream, encoding, bufferSize: 64 * 1024, leaveOpen: true),
            new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: false);
}
