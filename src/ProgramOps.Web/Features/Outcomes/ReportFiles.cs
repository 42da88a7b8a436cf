using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>The report's aggregated numbers as an Excel workbook (one sheet per section) and as CSV.</summary>
public static class ReportFiles
{
    public static byte[] Workbook(IReadOnlyList<ReportTable> tables)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in tables)
        {
            sheets[SheetName(table.Name, sheets.Count)] = table.Rows
                .Select(row => table.Columns.Select((column, i) => (column, cell: SpreadsheetCell.Neutralise(i < row.Count ? row[i] : null)))
                    .ToDictionary(c => c.column, c => c.cell ?? ReportFormat.Hidden))
                .ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>
    /// One CSV: each section's name and column headers, then its rows under them (the first column left empty), every
    /// record as wide as the widest section; UTF-8 with BOM so Excel in Japan reads it.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<ReportTable> tables)
    {
        var width = 1 + tables.Select(t => t.Columns.Count).DefaultIfEmpty(0).Max();
        string[] Record(IEnumerable<string> cells) => [.. cells.Concat(Enumerable.Repeat("", width)).Take(width)];
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            foreach (var table in tables)
            {
                csv.WriteRecord(Record([Text(table.Name), .. table.Columns.Select(Text)]));
                foreach (var row in table.Rows) csv.WriteRecord(Record(["", .. row.Select(Text)]));
            }
        }

        return stream.ToArray();
    }

    private static string Text(object? cell) =>
        Convert.ToString(SpreadsheetCell.Neutralise(cell) ?? ReportFormat.Hidden, CultureInfo.InvariantCulture) ?? "";

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique.</summary>
    private static string SheetName(string name, int index)
    {
        var clean = new string([.. name.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        return $"{index + 1}. {clean}"[..Math.Min(31, $"{index + 1}. {clean}".Length)];
    }
}
