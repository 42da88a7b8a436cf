namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading
/// apostrophe, so a label opened in Excel is shown, never evaluated. (Issue 17 brings a shared neutraliser; this is the
/// report's until then.)
/// </summary>
public static class SpreadsheetText
{
    public static object? Neutralise(object? cell) => cell is string text && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        ? "'" + text
        : cell;
}
