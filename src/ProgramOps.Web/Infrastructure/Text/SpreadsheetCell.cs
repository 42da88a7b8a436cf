namespace ProgramOps.Web.Infrastructure.Text;

/// <summary>
/// A text cell a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading
/// apostrophe, so it is shown, never evaluated — the same rule <see cref="SpreadsheetCsv"/> has CsvHelper apply to
/// every CSV field, here for cells written one by one (workbooks, mixed CSV). Numbers stay numbers.
/// </summary>
public static class SpreadsheetCell
{
    public static object? Neutralise(object? cell) => cell is string text && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        ? "'" + text
        : cell;
}
