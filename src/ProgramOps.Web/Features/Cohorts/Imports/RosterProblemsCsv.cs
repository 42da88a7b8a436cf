using System.Globalization;
using System.Text;
using ProgramOps.Web.Features.Cohorts.Roster;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>
/// An import's problems as a CSV to send back to the client who sent the roster: in the roster's encoding (CP932
/// for a CP932 file, otherwise UTF-8 with a BOM), in the user's language, each row naming the line, the person and
/// the column, through <see cref="SpreadsheetCsv"/> so that names from the file cannot run as formulas.
/// </summary>
public static class RosterProblemsCsv
{
    public static string ContentType(RosterEncoding encoding) =>
        encoding == RosterEncoding.ShiftJis ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8";

    public static async Task WriteAsync(
        Stream output, IAsyncEnumerable<DetailsModel.ProblemRow> problems, RosterEncoding encoding,
        Func<DetailsModel.ProblemRow, string> describe, IStringLocalizer<ImportsText> text, CancellationToken ct)
    {
        await using var csv = encoding == RosterEncoding.ShiftJis ? SpreadsheetCsv.Create(output, ShiftJis.Value) : SpreadsheetCsv.Create(output);
        csv.WriteHeader([text["Csv.Line"], text["Csv.EmployeeNumber"], text["Csv.Name"], text["Field.Column"], text["Csv.Outcome"], text["Field.Problem"]]);
        await foreach (var p in problems.WithCancellation(ct))
        {
            csv.WriteRecord([
                p.Line.ToString(CultureInfo.InvariantCulture), p.EmployeeNumber ?? "", p.PersonName ?? "",
                p.ColumnName ?? (p.Field is { } field ? text[$"RosterField.{field}"].Value : ""),
                text[p.IsWarning ? "Problem.Kept" : "Problem.Rejected"], describe(p),
            ]);
        }
    }

    // Characters CP932 lacks are written as '?', as Excel on Japanese Windows saves them.
    private static readonly Lazy<Encoding> ShiftJis = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932);
    });
}
