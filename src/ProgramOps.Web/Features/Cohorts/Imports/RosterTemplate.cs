using ProgramOps.Web.Features.Cohorts.Roster;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>An empty roster for a client to fill in: the header row, with the first (Japanese) name of each field.</summary>
public static class RosterTemplate
{
    public static byte[] Write(RosterEncoding encoding)
    {
        using var buffer = new MemoryStream();
        using (var csv = encoding == RosterEncoding.ShiftJis
                   ? SpreadsheetCsv.Create(buffer, RosterEncodingDetector.StrictEncoding(RosterEncoding.ShiftJis))
                   : SpreadsheetCsv.Create(buffer))
        {
            csv.WriteHeader([.. Enum.GetValues<RosterField>().Select(field => RosterHeaderNames.KnownNames(field).First())]);
        }

        return buffer.ToArray();
    }

    public static string FileName(RosterEncoding encoding) =>
        encoding == RosterEncoding.ShiftJis ? "roster-template-cp932.csv" : "roster-template-utf8.csv";
}
